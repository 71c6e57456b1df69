using System.Text.RegularExpressions;

namespace Sendense.Tests.Architecture;

/// <summary>
/// The one shape, checked on the source: small files, thin cmdlets, and the load isolation rule that only the
/// composition root names Sendense.Hub. A newcomer who breaks the floor plan learns it here, not in review.
/// </summary>
public sealed class HouseRulesTests
{
    private static readonly string Src = Path.Combine(RigEnvironment.RepositoryRoot, "src");

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        string[] long_ = SourceFiles(Src).Where(f => File.ReadAllLines(f).Length > 300).Select(Relative).ToArray();
        Assert.True(long_.Length == 0, "Over 300 lines: " + string.Join(", ", long_));
    }

    [Fact]
    public void Every_cmdlet_is_one_sealed_class_of_at_most_150_lines_in_a_file_named_after_it()
    {
        var problems = new List<string>();
        foreach (string file in SourceFiles(Path.Combine(Src, "Sendense.PowerShell", "Commands")))
        {
            string text = File.ReadAllText(file);
            string name = Path.GetFileNameWithoutExtension(file);
            if (Regex.IsMatch(text, @"\bpartial\s+class\b"))
            {
                problems.Add(name + " is a partial class");
            }

            if (!Regex.IsMatch(text, $@"public sealed class {Regex.Escape(name)}\b"))
            {
                problems.Add(name + " does not declare 'public sealed class " + name + "'");
            }

            if (!name.EndsWith("Command", StringComparison.Ordinal))
            {
                problems.Add(name + " is not named <Verb><Noun>Command");
            }

            if (File.ReadAllLines(file).Length > 150)
            {
                problems.Add(name + " has more than 150 lines");
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void Only_the_composition_root_names_a_Sendense_Hub_type()
    {
        string root = Path.Combine(Src, "Sendense.PowerShell", "Infrastructure", "Services.cs");
        string[] offenders = SourceFiles(Path.Combine(Src, "Sendense.PowerShell"))
            .Where(f => !string.Equals(f, root, StringComparison.Ordinal) && Regex.IsMatch(File.ReadAllText(f), @"\bSendense\.Hub\b"))
            .Select(Relative).ToArray();
        Assert.True(offenders.Length == 0, "Name Sendense.Hub outside Services.cs: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_core_knows_neither_PowerShell_nor_the_database_driver()
    {
        string[] offenders = SourceFiles(Path.Combine(Src, "Sendense.Core"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"using (System\.Management\.Automation|MySqlConnector|Dapper)\b"))
            .Select(Relative).ToArray();
        Assert.True(offenders.Length == 0, string.Join(", ", offenders));
    }

    [Fact]
    public void Every_family_has_its_service_in_the_core_and_its_store_in_the_hub()
    {
        foreach ((string family, string service, string store) in new[]
                 {
                     ("Discovery", "DiscoveryService", "DiscoveryStore"), ("VMs", "VMService", "VMStore"), ("Groups", "GroupService", "GroupStore"),
                     ("Credentials", "CredentialService", "CredentialStore"), ("Flows", "FlowService", "FlowStore"),
                 })
        {
            Assert.True(File.Exists(Path.Combine(Src, "Sendense.Core", family, service + ".cs")), $"{family}: {service}.cs");
            Assert.True(File.Exists(Path.Combine(Src, "Sendense.Hub", family, store + ".cs")), $"{family}: {store}.cs");
        }
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(RigEnvironment.RepositoryRoot, file);
}
