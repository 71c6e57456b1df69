namespace Sendense.Tests.Rig;

/// <summary>
/// Where the real test rig is: build.ps1 -Task Test starts it and exports these variables. Running `dotnet test`
/// without them fails with a message that says so, rather than skipping (a green run must mean the tests ran).
/// </summary>
internal static class RigEnvironment
{
    internal static string MySqlConnectionString => Require("SENDENSE_TEST_MYSQL",
        "the connection string of a MariaDB server the tests may create databases on");

    internal static string SimulatorLauncher => Require("SENDENSE_VCSIM_LAUNCHER",
        "the path of the built vCenter simulator launcher");

    internal static string CredCrypt => Require("SENDENSE_CREDCRYPT",
        "the path of the built tests/tools/credcrypt (the hub's credential cipher in Go)");

    internal static string FixtureDirectory
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("SENDENSE_HUB_FIXTURES");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            return Path.Combine(RepositoryRoot, "tests", "fixtures", "sendense-hub");
        }
    }

    internal static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sendense.PowerShell.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }

    private static string Require(string name, string what)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                $"{name} is not set: it must hold {what}. Run the tests with `dotnet pwsh ./build.ps1 -Task Test`, which starts the real rig.");
        }

        return value;
    }
}
