package hotsm.vm.protocol;

/**
 * A request frame as the {@link FrameDecoder} hands it on, with the bytes of
 * the shared {@link ByteBudget} it holds until it is answered.
 */
record Received(Frame frame, long reserved) {}
