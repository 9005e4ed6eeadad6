import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List actors that are probably the same one, with scores, and merge a confirmed pair.",
            discussion: """
                Likely pairs: names equal after normalisation, an acronym against its expansion, the same name in \
                another script (name_local), the same words with typing slips; never across differing countries. \
                --merge KEEP DROP moves DROP's ties, participation and missing attributes to KEEP, removes DROP, \
                and writes the network back in place (a folder, .json or .xlsx), atomically. See Docs/workbooks.md.
                """
        )

        @Argument(help: "The network: a folder, a .json file or an .xlsx workbook.")
        var path: String

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Merge DROP into KEEP and write the network back.", valueName: "KEEP DROP"))
        var merge: [String] = []

        @OptionGroup var reading: ReadOptions

        @Flag(name: .customLong("show-all-names"), help: "Name experts who have not consented to be named (for internal use only).")
        var showAllNames = false

        func validate() throws {
            try reading.check(input: path)
            if !merge.isEmpty, merge.count != 2 { throw ValidationError("--merge takes two ids: the actor to keep, then the one to drop.") }
            if !merge.isEmpty, NetworkUpdate.writableForm(path) == nil {
                throw ValidationError("--merge writes the network back; '\(path)' is not a folder, .json or .xlsx network (convert it first).")
            }
        }

        func run() throws {
            let loaded: LoadedNetwork
            do { loaded = try NetworkLoader.load(path: path, options: reading.loadOptions) } catch {
                Terminal.error(error.description)
                throw ExitCode(1)
            }
            let network = loaded.network
            if merge.count == 2 {
                let result: ActorMerge.Result
                do { result = try ActorMerge.merge(network, keep: merge[0], drop: merge[1]) } catch {
                    Terminal.error(error.description)
                    throw ExitCode(1)
                }
                let problems = NetworkValidator.check(result.network).filter { $0.severity == .error }
                guard problems.isEmpty else {
                    Terminal.error("the merged network would be invalid; nothing was written:\n" + problems.map(\.description).joined(separator: "\n"))
                    throw ExitCode(1)
                }
                do { try NetworkUpdate.write(result.network, to: path) } catch {
                    Terminal.error("\(error)")
                    throw ExitCode(1)
                }
                print("Merged \(merge[1]) into \(merge[0]): \(result.tiesMoved) ties and \(result.participationMoved) participations moved, \(result.tiesRemoved) tie between the two removed; wrote \(path)")
                return
            }
            let pairs = LikelyDuplicates.find(in: network)
            if pairs.isEmpty {
                print("No likely duplicates among \(network.nodes.count) actors.")
                return
            }
            for p in pairs {
                let a = network.nodes[p.first], b = network.nodes[p.second]
                func show(_ i: Int, _ n: Node) -> String {
                    "\(network.publicID(ofNode: i, showAllNames: showAllNames)) \(quotedName(network.displayName(ofNode: i, showAllNames: showAllNames)))"
                        + (n.origin.map { " (\($0))" } ?? "")
                }
                print(String(format: "%.2f", p.score) + "  \(show(p.first, a))  ~  \(show(p.second, b))  \(p.reason)")
            }
            print("\(pairs.count) likely pair\(pairs.count == 1 ? "" : "s"); merge one with: synergraph dedupe \(path) --merge KEEP DROP")
        }

        private func quotedName(_ s: String) -> String { "\"\(s)\"" }
    }
}
