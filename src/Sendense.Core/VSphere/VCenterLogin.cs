using System.Diagnostics;

namespace Sendense.Core.VSphere;

/// <summary>
/// Proves a vCenter credential (or session) works: connect, log in, read who and what answered, log out. For
/// Test-SendenseVCenterCredential and anything that must check a credential without touching the inventory.
/// Failures are SendenseExceptions (VCenterLoginFailed, VCenterCertificateUntrusted, VCenterUnreachable...).
/// </summary>
public static class VCenterLogin
{
    /// <summary>Logs in and out once and reports what answered.</summary>
    public static Task<VCenterLoginResult> TestAsync(VCenterConnectionOptions options, CancellationToken cancellationToken) =>
        TestAsync(options, handler: null, cancellationToken);

    internal static async Task<VCenterLoginResult> TestAsync(VCenterConnectionOptions options,
        System.Net.Http.HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        VimClient client = await VimClient.ConnectAsync(options, handler, cancellationToken).ConfigureAwait(false);
        try
        {
            var about = client.Content.About;
            return new VCenterLoginResult
            {
                Server = options.Server,
                UserName = client.SessionUser,
                Product = about.FullName,
                Version = about.Version,
                Build = about.Build,
                ApiType = about.ApiType,
                ApiVersion = about.ApiVersion,
                InstanceUuid = about.InstanceUuid,
                SessionBorrowed = !client.OwnsSession,
                Elapsed = watch.Elapsed,
            };
        }
        finally
        {
            await client.CloseAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>What a successful <see cref="VCenterLogin.TestAsync(VCenterConnectionOptions, CancellationToken)"/> saw.</summary>
public sealed class VCenterLoginResult
{
    /// <summary>The vCenter as given.</summary>
    public string Server { get; init; } = string.Empty;

    /// <summary>The user vCenter says the session belongs to.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>about.fullName.</summary>
    public string Product { get; init; } = string.Empty;

    /// <summary>about.version.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>about.build.</summary>
    public string Build { get; init; } = string.Empty;

    /// <summary>VirtualCenter or HostAgent (an ESXi host answering directly).</summary>
    public string ApiType { get; init; } = string.Empty;

    /// <summary>Newest API version the server speaks.</summary>
    public string ApiVersion { get; init; } = string.Empty;

    /// <summary>The vCenter's instance uuid.</summary>
    public string InstanceUuid { get; init; } = string.Empty;

    /// <summary>True when an existing session was checked instead of logging in (it was not logged out).</summary>
    public bool SessionBorrowed { get; init; }

    /// <summary>Time to connect, log in and read the service content.</summary>
    public TimeSpan Elapsed { get; init; }
}
