import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise a network and draw its map (out/<network>/map.svg and map.dot)."
        )

        @OptionGroup var input: NetworkInput

        func run() throws {
            let loaded = try input.loadOrExit()
            print(loaded.network.nodes.count)
        }
    }
}
