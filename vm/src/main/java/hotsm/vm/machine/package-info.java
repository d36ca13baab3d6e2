/**
 * The CAM interpreter (Cousineau, Curien and Mauny, "The Categorical Abstract
 * Machine", 1987, first order, with sums, lists, maps, a left fold, shared
 * blocks and a state register) and running machines. Input: verified
 * {@link hotsm.vm.bytecode.Code}. {@link hotsm.vm.machine.Cam} runs a block
 * with one {@code case} per instruction and an explicit control stack (CASE,
 * CALL and FOLD frames), so no Java recursion grows with the program or its
 * data; fuel bounds every run and is charged in proportion to the work of
 * each primitive, so it bounds time.
 * {@link hotsm.vm.machine.MachineInstance} holds an artifact and its state and
 * makes each step atomic. Invariant: verified code never throws anything but
 * {@link hotsm.vm.machine.CamRuntimeError}.
 */
package hotsm.vm.machine;
