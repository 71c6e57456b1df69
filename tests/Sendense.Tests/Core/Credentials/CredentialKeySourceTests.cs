using Sendense.Core.Credentials;
using Sendense.Tests.Credentials;

namespace Sendense.Tests.Core.Credentials;

/// <summary>Where the hub's key comes from and how bad keys are reported.</summary>
public sealed class CredentialKeySourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdkey-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_parameter_wins_over_a_key_file_and_the_environment()
    {
        string parameter = CredCrypt.NewKey();
        CredentialKeySource keys = Keys(key: parameter, keyFile: WriteFile(CredCrypt.NewKey()), environmentKey: CredCrypt.NewKey());

        Assert.Equal(Convert.FromBase64String(parameter), keys.ReadKey("test"));
        Assert.Equal("the -EncryptionKey parameter", keys.Describe());
    }

    [Fact]
    public void Then_the_key_file_then_MIGRATEKIT_CRED_ENCRYPTION_KEY_then_the_key_file_variable()
    {
        string file = CredCrypt.NewKey(), variable = CredCrypt.NewKey(), fileVariable = CredCrypt.NewKey();
        string filePath = WriteFile(file), fileVariablePath = WriteFile(fileVariable);

        Assert.Equal(Convert.FromBase64String(file), Keys(keyFile: filePath, environmentKey: variable).ReadKey("t"));
        Assert.Equal(Convert.FromBase64String(variable), Keys(environmentKey: variable, environmentKeyFile: fileVariablePath).ReadKey("t"));
        Assert.Equal(Convert.FromBase64String(fileVariable), Keys(environmentKeyFile: fileVariablePath).ReadKey("t"));
        Assert.Contains(CredentialKeySource.KeyFileVariable, Keys(environmentKeyFile: fileVariablePath).Describe());
    }

    [Fact]
    public void A_key_file_can_be_the_hubs_systemd_unit_or_an_env_file()
    {
        string key = CredCrypt.NewKey();
        string unit = WriteFile(
            "[Service]\n" +
            "# Environment=MIGRATEKIT_CRED_ENCRYPTION_KEY=" + CredCrypt.NewKey() + "\n" +
            "Environment=MIGRATEKIT_CRED_ENCRYPTION_KEY=" + CredCrypt.NewKey() + "\n" +
            "Environment=\"MIGRATEKIT_CRED_ENCRYPTION_KEY=" + key + "\"\r\n" +
            "ExecStart=/opt/sendense/sendense-hub\n");
        string envFile = WriteFile("export MIGRATEKIT_CRED_ENCRYPTION_KEY='" + key + "'\n");
        string bare = WriteFile("\uFEFF  " + key + "\r\n\r\n");

        Assert.Equal(Convert.FromBase64String(key), Keys(keyFile: unit).ReadKey("t"));
        Assert.Equal(Convert.FromBase64String(key), Keys(keyFile: envFile).ReadKey("t"));
        Assert.Equal(Convert.FromBase64String(key), Keys(keyFile: bare).ReadKey("t"));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    public void A_bad_key_is_reported_without_showing_it(string badKey)
    {
        var fromParameter = Assert.Throws<SendenseException>(() => Keys(key: badKey).ReadKey("t"));
        var fromFile = Assert.Throws<SendenseException>(() => Keys(keyFile: WriteFile(badKey)).ReadKey("t"));

        Assert.Equal(SendenseErrorCode.CredentialKeyInvalid, fromParameter.Code);
        Assert.Equal(SendenseErrorCode.CredentialKeyInvalid, fromFile.Code);
        Assert.Contains("32 bytes", fromParameter.Message);
        Assert.DoesNotContain(badKey, fromParameter.ToString());
        Assert.DoesNotContain(badKey, fromFile.ToString());
    }

    [Fact]
    public void A_64_byte_key_is_refused_with_its_length()
    {
        string tooLong = Convert.ToBase64String(new byte[64]);

        var error = Assert.Throws<SendenseException>(() => Keys(environmentKey: tooLong).ReadKey("t"));

        Assert.Equal(SendenseErrorCode.CredentialKeyInvalid, error.Code);
        Assert.Contains("64 bytes, not 32", error.Message);
        Assert.Contains(CredentialKeySource.KeyVariable, error.Message);
    }

    [Fact]
    public void A_missing_key_file_names_the_file()
    {
        string path = Path.Combine(_directory, "absent.key");

        var error = Assert.Throws<SendenseException>(() => Keys(keyFile: path).ReadKey("t"));

        Assert.Equal(SendenseErrorCode.CredentialKeyInvalid, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void No_key_anywhere_is_CredentialKeyMissing()
    {
        var error = Assert.Throws<SendenseException>(() => Keys().ReadKey("encrypt the password of vCenter credential 'x'"));

        Assert.Equal(SendenseErrorCode.CredentialKeyMissing, error.Code);
        Assert.StartsWith("The hub's credential encryption key is needed to encrypt the password of vCenter credential 'x'", error.Message);
        Assert.Null(Keys().Describe());
    }

    private string WriteFile(string content)
    {
        string path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }
}
