using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sendense.Tests.Rig;

/// <summary>
/// The simulator the rig starts is a real vim25 SOAP endpoint with TLS and a password it enforces. These tests talk
/// SOAP to it directly, independent of the module's client, to prove the rig itself.
/// </summary>
public sealed class SimulatorRigTests
{
    private const string Envelope =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>{0}</soapenv:Body></soapenv:Envelope>";

    [Fact]
    public async Task It_answers_RetrieveServiceContent_over_TLS_with_the_certificate_whose_thumbprint_it_printed()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology { Tls = true });
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : Thumbprint(certificate);
                return true;
            },
        };
        using var client = new HttpClient(handler);

        string body = await Post(client, simulator, "<RetrieveServiceContent xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">ServiceInstance</_this></RetrieveServiceContent>");

        Assert.Contains("<apiType>VirtualCenter</apiType>", body);
        Assert.Equal(simulator.Sha256Thumbprint, presented);
    }

    [Fact]
    public async Task It_refuses_a_wrong_password_with_InvalidLogin_and_accepts_the_right_one()
    {
        await using VCenterSimulator simulator = await VCenterSimulator.StartAsync(new SimulatorTopology());
        using var client = new HttpClient();

        HttpResponseMessage wrong = await client.PostAsync(simulator.Url, Soap(Login(simulator.Topology.UserName, "not-the-password")));
        Assert.Equal(HttpStatusCode.InternalServerError, wrong.StatusCode);
        Assert.Contains("InvalidLogin", await wrong.Content.ReadAsStringAsync());

        HttpResponseMessage right = await client.PostAsync(simulator.Url, Soap(Login(simulator.Topology.UserName, simulator.Topology.Password)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("vmware_soap_session", string.Join(";", right.Headers.GetValues("Set-Cookie")));
    }

    private static string Login(string user, string password) =>
        "<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this><userName>" + SecurityElement(user) +
        "</userName><password>" + SecurityElement(password) + "</password></Login>";

    private static string SecurityElement(string value) => System.Security.SecurityElement.Escape(value) ?? string.Empty;

    private static StringContent Soap(string body) =>
        new StringContent(Envelope.Replace("{0}", body, StringComparison.Ordinal), Encoding.UTF8, "text/xml");

    private static async Task<string> Post(HttpClient client, VCenterSimulator simulator, string body)
    {
        HttpResponseMessage response = await client.PostAsync(simulator.Url, Soap(body));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string Thumbprint(X509Certificate2 certificate) =>
        string.Join(":", System.Linq.Enumerable.Select(SHA256.HashData(certificate.RawData), b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
