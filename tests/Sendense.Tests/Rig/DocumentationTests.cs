namespace Sendense.Tests.Rig;

/// <summary>Every error id users can meet is documented with its fix in docs/errors.md.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void Every_error_code_has_a_row_in_docs_errors_md()
    {
        string errors = File.ReadAllText(Path.Combine(RigEnvironment.RepositoryRoot, "docs", "errors.md"));
        string[] undocumented = Enum.GetNames<SendenseErrorCode>()
            .Where(name => !errors.Contains("| `" + name + "` |", StringComparison.Ordinal))
            .ToArray();
        Assert.Empty(undocumented);
    }
}
