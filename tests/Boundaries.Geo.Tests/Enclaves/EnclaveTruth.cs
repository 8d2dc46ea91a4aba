using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>What the generator's ground truth says the finder must report, as (owner, class, order, truth point WKT).</summary>
internal static class EnclaveTruth
{
    /// <summary>Only the enclave classes (no gaps, overlaps, code defects), so each finding can be matched to the truth.</summary>
    public static DirtyOptions EnclavesOnly { get; } = new()
    {
        Exclave = true, Enclave = true, CounterEnclave = true, SemiEnclave = true, PracticalEnclaveNeck = true,
        ManagementEnclave = true, SurroundedDivision = true,
    };

    /// <summary>
    /// The expected findings. A counter-enclave injection is two findings: the host's piece (order 2) and the owner's
    /// enclave around it (order 1). Legitimate multi-parts: "island" (inside one neighbour) is an enclave,
    /// "detached_at_district_edge" (borders a township of another district too) an exclave.
    /// </summary>
    public static List<(string Owner, EnclaveClass Class, int Order, string? Wkt)> Expected(GroundTruth truth, bool neck)
    {
        var expected = new List<(string, EnclaveClass, int, string?)>();
        foreach (var d in truth.Defects)
        {
            switch (d.Class)
            {
                case DefectClasses.Exclave: expected.Add((d.Codes[0], EnclaveClass.Exclave, 1, d.LocationWkt)); break;
                case DefectClasses.Enclave: expected.Add((d.Codes[0], EnclaveClass.Enclave, 1, d.LocationWkt)); break;
                case DefectClasses.CounterEnclave:
                    expected.Add((d.Codes[0], EnclaveClass.CounterEnclave, 2, d.LocationWkt));
                    expected.Add((d.Codes[1], EnclaveClass.Enclave, 1, null));
                    break;
                case DefectClasses.SemiEnclave: expected.Add((d.Codes[0], EnclaveClass.SemiEnclave, 1, d.LocationWkt)); break;
                case DefectClasses.PracticalEnclaveNeck when neck: expected.Add((d.Codes[0], EnclaveClass.PracticalNeck, 1, null)); break;
                case DefectClasses.ManagementEnclave: expected.Add((d.Codes[0], EnclaveClass.Management, 1, d.LocationWkt)); break;
                case DefectClasses.SurroundedDivision: expected.Add((d.Codes[0], EnclaveClass.Surrounded, 1, d.LocationWkt)); break;
                default: break;
            }
        }
        foreach (var m in truth.Multipart)
        {
            var cls = m.Kind == "island" ? EnclaveClass.Enclave : EnclaveClass.Exclave;
            for (var k = 1; k < m.PartCount; k++)
            {
                expected.Add((m.Code, cls, 1, null));
            }
        }
        return expected;
    }
}
