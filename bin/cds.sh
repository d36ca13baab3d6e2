# Sourced by bin/smc and bin/sm (not a command): class-data sharing for a fast start.
# The first run after a build records target/hotsm.jsa with a short training run
# (hotsm.cli.CdsTraining, about two seconds, once); every run then maps the
# archived classes instead of loading them (docs/performance.md). If the archive
# cannot be made or used, the JVM starts without it. HOTSM_CDS=off turns it off.
# Sets the array cds_opts.
cds_opts=()
if [ "${HOTSM_CDS:-on}" != off ]; then
  jsa="$root/target/hotsm.jsa"
  if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
    tmp="$jsa.$$.tmp"
    if java -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off -Dhotsm.stdlib="$root/stdlib" \
         -cp "$jar" hotsm.cli.CdsTraining "$root" >/dev/null 2>&1 && [ -s "$tmp" ]; then
      mv -f "$tmp" "$jsa"
    else
      rm -f "$tmp"
    fi
  fi
  if [ -f "$jsa" ]; then
    cds_opts=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi
