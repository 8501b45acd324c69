using System.Diagnostics;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>Runs CPython 3.11 on a script that reads one input per line and prints one
/// answer per line: the reference values for the object space's property tests.</summary>
internal static class CPythonOracle
{
    public static string[] Map(string script, IEnumerable<string> inputs)
    {
        var psi = new ProcessStartInfo("python3.11", new[] { "-c", script })
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PYTHONHASHSEED"] = "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        foreach (var line in inputs)
        {
            p.StandardInput.WriteLine(line);
        }
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("python3.11 failed: " + stderr.Result);
        }
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
