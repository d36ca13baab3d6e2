# Sourced by bin/smc and bin/sm (not a command): class-data sharing for a fast start.
# The first run after a build records target/hotsm.jsa, a static archive of the JDK's and
# the application's classes, in two steps: a short training run (hotsm.cli.CdsTraining)
# lists the classes the commands load, then the JVM dumps them (about five seconds, once).
# Every run then maps the archived classes instead of loading and verifying them
# (docs/performance.md). A static archive, not a dynamic one (-XX:ArchiveClassesAtExit):
# Java 17 leaves classes of class-file version 49 and older out of a dynamic archive, and
# picocli's are (it is compiled for Java 5), so every command loaded and verified its 170
# classes. Dumped under G1, so that it also holds pre-built heap objects (the module graph), which Java 17
# maps under G1 only (bin/quick.sh). If the archive cannot be made or used, the JVM starts without it.
# HOTSM_CDS=off turns it off. Sets the array cds_opts.
cds_opts=()
if [ "${HOTSM_CDS:-on}" != off ]; then
  jsa="$root/target/hotsm.jsa"
  if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
    tmp="$jsa.$$.tmp"
    list="$jsa.$$.classes"
    if java -XX:DumpLoadedClassList="$list" -Dhotsm.stdlib="$root/stdlib" \
         -cp "$jar" hotsm.cli.CdsTraining "$root" >/dev/null 2>&1 \
       && java -Xshare:dump -XX:+UseG1GC -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" -Xlog:cds=off \
         -cp "$jar" >/dev/null 2>&1 && [ -s "$tmp" ]; then
      mv -f "$tmp" "$jsa"
    else
      rm -f "$tmp"
    fi
    rm -f "$list"
  fi
  if [ -f "$jsa" ]; then
    cds_opts=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi
