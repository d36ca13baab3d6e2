/**
 * The CAM interpreter (Cousineau, Curien and Mauny, "The Categorical Abstract
 * Machine", 1987, first order, with sums, lists, maps, a left fold, shared
 * blocks and a state register) and running machines. Input: verified
 * {@link hotsm.vm.bytecode.Code}. {@link hotsm.vm.machine.Cam} runs a block
 * with one {@code case} per instruction and an explicit control stack (CASE,
 * CALL and FOLD frames), so no Java recursion grows with the program or its
 * data; fuel bounds every run and is charged in proportion to the work of
 * each primitive, so it bounds time.
 * {@link hotsm.vm.machine.CamTrace} prints a run one instruction a line
 * ({@code smc run --trace=cam}). A running machine, its state and atomic steps
 * are a {@link hotsm.vm.node.Node}'s. Invariant: verified code never throws anything but
 * {@link hotsm.vm.machine.CamRuntimeError}.
 */
package hotsm.vm.machine;
