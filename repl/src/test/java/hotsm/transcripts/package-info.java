/**
 * Transcripts as data: {@link hotsm.transcripts.Shell} runs {@code smc} and
 * {@code sm} command lines in process (an {@code sm node} is an in-process
 * node on an ephemeral loopback port); {@link hotsm.transcripts.CliTranscriptTest}
 * plays the {@code .cli} sessions of {@code repl/src/test/resources/cli}
 * against their golden {@code .out}, and {@link hotsm.transcripts.DocListingsTest}
 * regenerates the listings of the README and {@code docs/} marked
 * {@code <!-- listing: COMMAND -->}, so the documents cannot drift from what
 * the commands print. {@code -Dgolden.update=true} rewrites goldens and
 * documents; the diff is for a reviewer to read.
 */
package hotsm.transcripts;
