# Sourced by bin/smc and bin/sm (not a command): the JVM options of a short-lived command, which
# start it faster (docs/performance.md). Sets the array quick.
#  - C1 only and the serial collector: less to set up, and C1 compiles a short run's hot code sooner.
#    (One compiler thread instead of two spent less CPU on a small check but left sm send of 100,000
#    values a third slower: kept at two.)
#  - No perf-data file in /tmp (jstat cannot watch a command that lasts a tenth of a second anyway).
#  - The class-data-sharing archive mapped at the address it was made for (ArchiveRelocationMode=0),
#    not at a random one: relocating every pointer in it was a fifth of the JVM's own start. The JVM
#    still relocates it if that address is taken. A node keeps the JDK's default (a random address).
#  - IgnoreUnrecognizedVMOptions, so that a JDK without one of these diagnostic options starts anyway.
# HOTSM_JAVA_OPTS comes after these and can override any of them.
quick=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData
  -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
