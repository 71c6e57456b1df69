using MySqlConnector;

namespace Sendense.Tests.Hub.Common;

/// <summary>Which text goes inline and which goes to the driver as a parameter (the round trip is SqlTextTests').</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("bench-vm-00001")]
    [InlineData("42030001-0000-4c1d-8e2f-000000000001")]
    [InlineData("/DC0/vm/Bench/bench-vm-00001")]
    [InlineData("[LocalDS_0] bench-vm-00001/bench-vm-00001_1.vmdk")]
    [InlineData("Microsoft Windows Server 2022 (64-bit)")]
    [InlineData("")]
    public void Plain_text_is_written_inline_unchanged(string value)
    {
        using var command = new MySqlCommand();
        new SqlText(command).Sql("SELECT ").Value(value).Build();

        Assert.True(PlainText.Is(value));
        Assert.Equal("SELECT '" + value + "'", command.CommandText);
        Assert.Empty(command.Parameters);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("quote\"double")]
    [InlineData("back\\slash")]
    [InlineData("tick`name")]
    [InlineData("nul\0byte")]
    [InlineData("line\nbreak")]
    [InlineData("\x1a ctrl-z")]
    [InlineData("Ünïcødé")]
    [InlineData("服务器")]
    [InlineData("@p0")]
    [InlineData("what?")]
    [InlineData("50%_off")]
    public void Anything_else_goes_to_the_driver_as_a_parameter(string value)
    {
        using var command = new MySqlCommand();
        new SqlText(command).Sql("SELECT ").Value(value).Build();

        Assert.False(PlainText.Is(value));
        Assert.Equal("SELECT ?", command.CommandText);
        Assert.Equal(value, Assert.Single(command.Parameters.Cast<MySqlParameter>()).Value);
    }

    [Fact]
    public void Null_is_written_as_sql_null()
    {
        using var command = new MySqlCommand();
        new SqlText(command).Sql("SELECT ").Value((string?)null).Build();

        Assert.Equal("SELECT NULL", command.CommandText);
        Assert.Empty(command.Parameters);
    }
}
