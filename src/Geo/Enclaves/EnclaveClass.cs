namespace Boundaries.Geo.Enclaves;

/// <summary>The classes of enclave the finder reports (DESIGN.md glossary).</summary>
public enum EnclaveClass
{
    /// <summary>A detached part that borders two or more other divisions, or none (an island on the outer edge).</summary>
    Exclave,
    /// <summary>A detached part that borders exactly one other division and not the outer edge.</summary>
    Enclave,
    /// <summary>An enclave (order 2 or more) whose host is itself a detached part.</summary>
    CounterEnclave,
    /// <summary>A detached part that borders one other division and the outer edge of the coverage (or water).</summary>
    SemiEnclave,
    /// <summary>A lobe joined to the owner's main part only through a neck narrower than the neck width.</summary>
    PracticalNeck,
    /// <summary>A region of the owner not reachable along roads from its main part without leaving the owner.</summary>
    PracticalAccess,
    /// <summary>A zone whose managing unit is not the legal division.</summary>
    Management,
    /// <summary>A whole single-part division that borders only one other division (information, not a defect).</summary>
    Surrounded,
}

/// <summary>Names of <see cref="EnclaveClass"/> as written in JSON (<c>counter-enclave</c>, <c>practical-neck</c> …).</summary>
public static class EnclaveClassNames
{
    /// <summary>The JSON name of a class.</summary>
    public static string Name(this EnclaveClass c) => c switch
    {
        EnclaveClass.Exclave => "exclave",
        EnclaveClass.Enclave => "enclave",
        EnclaveClass.CounterEnclave => "counter-enclave",
        EnclaveClass.SemiEnclave => "semi-enclave",
        EnclaveClass.PracticalNeck => "practical-neck",
        EnclaveClass.PracticalAccess => "practical-access",
        EnclaveClass.Management => "management",
        EnclaveClass.Surrounded => "surrounded",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>The class in Chinese, as the viewer shows it (飞地（内嵌）, 反飞地, 半飞地 …).</summary>
    public static string ChineseName(this EnclaveClass c) => c switch
    {
        EnclaveClass.Exclave => "飞地（多邻）",
        EnclaveClass.Enclave => "飞地（内嵌）",
        EnclaveClass.CounterEnclave => "反飞地",
        EnclaveClass.SemiEnclave => "半飞地",
        EnclaveClass.PracticalNeck => "实际飞地（狭颈）",
        EnclaveClass.PracticalAccess => "实际飞地（通达）",
        EnclaveClass.Management => "管理飞地",
        EnclaveClass.Surrounded => "被包围区划",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>Parses a JSON name.</summary>
    /// <exception cref="ArgumentException">The name is not one of the classes.</exception>
    public static EnclaveClass Parse(string name) =>
        Enum.GetValues<EnclaveClass>().FirstOrDefault(c => c.Name() == name, (EnclaveClass)(-1)) is var c && (int)c >= 0
            ? c
            : throw new ArgumentException($"unknown enclave class '{name}'", nameof(name));
}
