namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// The fault tests run one after another (one xunit collection): each starts server processes and loads the machine,
/// and a request starved by another fault test's load would hit the server's request deadline instead of the fault.
/// </summary>
internal static class FaultTests
{
    public const string Collection = "faults";
}
