# Sourced by bin/smc and bin/sm (not a command): the JVM options of a short-lived command, which
# start it faster (docs/performance.md). Sets the array quick.
#  - C1 only: C1 compiles a short run's hot code sooner. (One compiler thread instead of two spent less
#    CPU on a small check but left sm send of 100,000 values a third slower: kept at two.)
#  - G1, named rather than left to the JVM's choice by machine size: the archive's pre-built heap objects
#    (the module graph above all) are only mapped under G1 in Java 17, which now starts these commands
#    sooner than the serial collector (7 to 11 ms less CPU, interleaved runs).
#  - No perf-data file in /tmp (jstat cannot watch a command that lasts a tenth of a second anyway).
#  - The class-data-sharing archive mapped at the address it was made for (ArchiveRelocationMode=0),
#    not at a random one: relocating every pointer in it was a fifth of the JVM's own start. The JVM
#    still relocates it if that address is taken. A node keeps the JDK's default (a random address).
#  - IgnoreUnrecognizedVMOptions, so that a JDK without one of these diagnostic options starts anyway.
# HOTSM_JAVA_OPTS comes after these and can override any of them (another collector after -XX:-UseG1GC).
quick=(-XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:-UsePerfData
  -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
