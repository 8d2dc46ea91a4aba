using System.Diagnostics;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>SHA-256 by coreutils' sha256sum, an oracle independent of .NET's hashing.</summary>
internal static class Sha256Oracle
{
    public static string Sha256Hex(string text)
    {
        var start = new ProcessStartInfo("sha256sum") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sha256sum (coreutils) is required and could not be started");
        process.StandardInput.Write(text);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "sha256sum failed");
        return output.Split(' ')[0];
    }
}
