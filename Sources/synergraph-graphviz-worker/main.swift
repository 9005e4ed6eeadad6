// The render worker: lays out one graph (DOT on stdin) and writes the rendered bytes to stdout.
// Started by SynergraphGraphviz for fdp/sfdp and for renders with a time limit; see
// Docs/graphviz-rendering.md. Not meant to be run by hand.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SynergraphGraphviz

exit(GraphvizWorkerMain.run(arguments: CommandLine.arguments))
