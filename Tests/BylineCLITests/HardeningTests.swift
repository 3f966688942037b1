// The hardening suites (bad input, terminal safety, store faults, concurrency) run one after
// another: each starts many processes, and run side by side on a small machine they would
// starve each other and the rest of the tests of CPU.
import Testing

@Suite("Hardening", .serialized)
enum HardeningTests {}
