using System.Diagnostics;
using System.Security.Cryptography;

namespace Sendense.Tests.Credentials;

/// <summary>
/// Runs tests/tools/credcrypt, the hub's credential cipher written with Go's standard library (built by the rig), on
/// many values at once: one process per batch keeps the interop tests fast. Values travel hex-encoded.
/// </summary>
internal static class CredCrypt
{
    /// <summary>A fresh random key, as the hub's deploy script makes it (openssl rand -base64 32).</summary>
    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Encrypts each plaintext (UTF-8) in Go.</summary>
    internal static IReadOnlyList<string> Encrypt(string key, IEnumerable<string> plaintexts) =>
        Run("encrypt", key, plaintexts.Select(p => Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(p))));

    /// <summary>Decrypts each stored value in Go; a value that does not decrypt gives null.</summary>
    internal static IReadOnlyList<string?> Decrypt(string key, IEnumerable<string> values) =>
        Run("decrypt", key, values).Select(line => line.StartsWith("ERROR", StringComparison.Ordinal)
            ? null
            : System.Text.Encoding.UTF8.GetString(Convert.FromHexString(line))).ToList();

    private static List<string> Run(string mode, string key, IEnumerable<string> lines)
    {
        var start = new ProcessStartInfo(RigEnvironment.CredCrypt)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add("-hex");
        start.Environment["MIGRATEKIT_CRED_ENCRYPTION_KEY"] = key;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start credcrypt.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        foreach (string line in lines)
        {
            process.StandardInput.WriteLine(line);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"credcrypt {mode} failed ({process.ExitCode}): {errors.Result}");
        }

        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}
