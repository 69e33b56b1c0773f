/// The two directions between schema versions `version - 1` and `version`: the statements that
/// upgrade to `version`, and those that downgrade from it. The schema version row is updated by
/// the migrator after each step, not by the step.
package struct MigrationStep: Sendable {
    package var version: Int64
    package var upgrade: [MigrationStatement]
    package var downgrade: [MigrationStatement]

    package init(version: Int64, upgrade: [MigrationStatement], downgrade: [MigrationStatement]) {
        self.version = version
        self.upgrade = upgrade
        self.downgrade = downgrade
    }
}
