using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Sendense.Core.VSphere;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Tests.VSphere;

/// <summary>The pure pieces of the SOAP client: envelopes, the reader's namespace handling, thumbprints, cookies, addresses.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Filter_specs_follow_WSDL_order_and_mark_traversals_with_xsi_type()
    {
        var spec = new PropertyFilterSpec(
            new[] { new PropertySpec("VirtualMachine", "name", "config.uuid") },
            new[] { ObjectSpec.ViewContents(new ManagedObjectReference("ContainerView", "session[1]2")), new ObjectSpec(new ManagedObjectReference("VirtualMachine", "vm-1")) },
            ReportMissingObjectsInResults: true);

        string body = Sendense.Core.VSphere.Methods.PropertyCollectorMethods
            .RetrievePropertiesEx(new ManagedObjectReference("PropertyCollector", "propertyCollector"), spec, 500).ToString();

        Assert.Contains("<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this><specSet>" +
            "<propSet><type>VirtualMachine</type><pathSet>name</pathSet><pathSet>config.uuid</pathSet></propSet>" +
            "<objectSet><obj type=\"ContainerView\">session[1]2</obj><skip>true</skip><selectSet xsi:type=\"TraversalSpec\"><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet>" +
            "<objectSet><obj type=\"VirtualMachine\">vm-1</obj></objectSet>" +
            "<reportMissingObjectsInResults>true</reportMissingObjectsInResults></specSet><options><maxObjects>500</maxObjects></options></RetrievePropertiesEx>", body);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><soapenv:Envelope", body);
    }

    [Theory]
    [InlineData("xsi")]
    [InlineData("XMLSchema-instance")]
    [InlineData("i")]
    public void Xsi_type_is_resolved_by_namespace_whatever_the_prefix(string prefix)
    {
        string xml = $"<val xmlns:{prefix}=\"http://www.w3.org/2001/XMLSchema-instance\" {prefix}:type=\"xsd:string\" type=\"Folder\">x</val>";
        using XmlReader reader = XmlReader.Create(new StringReader(xml), VimXml.ReaderSettings());
        reader.MoveToContent();

        Assert.Equal("string", VimXml.XsiType(reader));
        Assert.Equal(new ManagedObjectReference("Folder", "x"), VimXml.ReadMoRef(reader));
    }

    [Fact]
    public void A_type_attribute_in_another_namespace_is_not_xsi_type()
    {
        using XmlReader reader = XmlReader.Create(new StringReader("<val xmlns:q=\"urn:other\" q:type=\"Nope\">x</val>"), VimXml.ReaderSettings());
        reader.MoveToContent();

        Assert.Null(VimXml.XsiType(reader));
    }

    [Fact]
    public void Element_names_are_atomized_to_the_known_instances()
    {
        using XmlReader reader = XmlReader.Create(new StringReader("<returnval><propSet/></returnval>"), VimXml.ReaderSettings());
        reader.MoveToContent();

        Assert.True(VimXml.Is(reader, VimNames.Returnval));
        reader.Read();
        Assert.True(VimXml.Is(reader, VimNames.PropSet));
    }

    [Theory]
    [InlineData("44:8F:62:8A:8A:65:AA:18:56:0E:53:A8:0C:53:AC:B3:8C:51:B4:27:DF:03:34:08:23:49:14:11:47:DC:9B:F6", "SHA-256")]
    [InlineData("448f628a8a65aa18560e53a80c53acb38c51b427df0334082349141147dc9bf6", "SHA-256")]
    [InlineData("2c:11:ed:d7:13:87:7d:b5:74:18:b8:1c:42:c2:56:1f:0d:b9:5b:b9", "SHA-1")]
    [InlineData("2C 11 ED D7 13 87 7D B5 74 18 B8 1C 42 C2 56 1F 0D B9 5B B9", "SHA-1")]
    public void Thumbprints_are_accepted_in_any_case_with_or_without_separators(string text, string algorithm)
    {
        CertificateThumbprint thumbprint = CertificateThumbprint.Parse(text);

        Assert.Equal(algorithm, thumbprint.Algorithm);
        Assert.Matches("^[0-9A-F]+$", thumbprint.Hex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("44:8F:62")]
    [InlineData("zz8f628a8a65aa18560e53a80c53acb38c51b427df0334082349141147dc9bf6")]
    public void Anything_else_is_not_a_thumbprint(string text)
    {
        Assert.False(CertificateThumbprint.TryParse(text, out _, out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_thumbprint_matches_its_certificate_by_SHA256_or_SHA1_only()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=vc01.example.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(CertificateThumbprint.Parse(CertificateThumbprint.Sha256Of(certificate)).Matches(certificate));
        Assert.True(CertificateThumbprint.Parse(certificate.Thumbprint.ToLowerInvariant()).Matches(certificate));
        Assert.False(CertificateThumbprint.Parse(new string('A', 64)).Matches(certificate));
    }

    [Theory]
    [InlineData("vmware_soap_session=\"abc\"; Path=/; HttpOnly; Secure;", "abc")]
    [InlineData("vmware_soap_session=abc; HttpOnly", "abc")]
    [InlineData("other=1; Path=/", null)]
    public void The_session_cookie_is_read_from_Set_Cookie_quoted_or_not(string header, string? expected)
    {
        Assert.Equal(expected, SessionCookie.FromSetCookie(new[] { "vmware_client=VMware; Path=/", header }));
    }

    [Theory]
    [InlineData("vc01", "https://vc01/sdk")]
    [InlineData("vc01.example.com:8443", "https://vc01.example.com:8443/sdk")]
    [InlineData("fd00::10", "https://[fd00::10]/sdk")]
    [InlineData("[fd00::10]:443", "https://[fd00::10]/sdk")]
    [InlineData("https://vc01/sdk", "https://vc01/sdk")]
    [InlineData("https://vc01", "https://vc01/sdk")]
    [InlineData("http://127.0.0.1:8989/sdk", "http://127.0.0.1:8989/sdk")]
    public void What_the_user_typed_becomes_the_SDK_URL(string server, string expected)
    {
        Assert.Equal(new Uri(expected), VCenterAddress.ToSdkUri(server, allowHttp: true));
    }

    [Theory]
    [InlineData("vc01.example.com", "vc01.example.com")]
    [InlineData("VC01:8443", "VC01:8443")]
    [InlineData("https://vc01.example.com/sdk", "vc01.example.com")]
    [InlineData("https://vc01.example.com:8443/sdk", "vc01.example.com:8443")]
    [InlineData("http://127.0.0.1:8989/sdk", "127.0.0.1:8989")]
    public void The_hub_records_the_host_as_typed_or_the_host_of_a_URL(string server, string expected)
    {
        Assert.Equal(expected, new VCenterConnectionOptions { Server = server }.HostName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://vc01")]
    [InlineData("https://")]
    public void An_unusable_address_is_an_invalid_argument(string server)
    {
        var error = Assert.Throws<SendenseException>(() => VCenterAddress.ToSdkUri(server));
        Assert.Equal(SendenseErrorCode.VCenterInvalidArgument, error.Code);
    }

    [Theory]
    [InlineData("8.0.3.0", "8.0.3.0")]
    [InlineData("9.0.0.0", "8.0.3.0")]
    [InlineData("6.5", "6.5")]
    [InlineData("", "7.0")]
    public void The_SOAP_version_is_the_servers_newest_capped_at_the_newest_tested(string server, string expected)
    {
        Assert.Equal(expected, VimClient.NegotiateVersion(server));
    }
}
