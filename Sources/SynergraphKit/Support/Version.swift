/// Synergraph's version.
public enum SynergraphVersion {
    public static let current = "0.1.0"
}
