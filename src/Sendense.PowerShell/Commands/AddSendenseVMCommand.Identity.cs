using Sendense.Core.Credentials;
using Sendense.Core.Discovery;
using Sendense.Core.VSphere;
using Sendense.PowerShell.Discovery;
using Sendense.PowerShell.Parameters;

namespace Sendense.PowerShell.Commands;

// PowerCLI objects and names: discover exactly those VMs from their vCenter (one sweep for all of them), then add
// them like any discovered VM.
public sealed partial class AddSendenseVMCommand
{
    private void CollectIdentities()
    {
        foreach (string name in Name)
        {
            // Id, PersistentId and Uid describe one piped object; with several -Name values only names apply.
            bool single = Name.Length == 1;
            // The error target is what names the VM most precisely (a compiled cmdlet cannot see the piped object
            // itself when it binds by property name).
            string target = single ? Uid ?? Id ?? PersistentId ?? name : name;
            VMIdentityRequest? input = VMIdentityRequest.From(name, single ? Id : null, single ? PersistentId : null, single ? Uid : null, target);
            if (input is null)
            {
                WriteSendenseError(new SendenseException(SendenseErrorCode.VMInvalid,
                    "The input names no VM: give a name, or pipe PowerCLI VirtualMachine objects (Get-VM)."), target);
                continue;
            }

            _identities.Add(input);
        }
    }

    private void AddIdentities()
    {
        if (_identities.Count == 0)
        {
            return;
        }

        HubConnection hub = ResolveHub();
        ResolvedVCenterCredential? stored = VCenterCredential is null ? null : ResolveStoredCredential(hub, VCenterCredential);
        try
        {
            VCenterConnectionOptions connection = Connection(stored);
            IReadOnlyList<DiscoveredVM> discovered = DiscoverIdentities(connection, stored?.Id);
            if (stored is not null)
            {
                AddAndCount(hub, discovered, stored.Id);
            }
            else
            {
                AddKeepingCredentials(hub, discovered);
            }
        }
        finally
        {
            stored?.Dispose();
        }
    }

    private VCenterConnectionOptions Connection(ResolvedVCenterCredential? stored)
    {
        VCenterConnectionOptions options;
        try
        {
            if (VIServer is not null)
            {
                VIServerSession session = VIServerSession.From(VIServer);
                options = VCenterConnectionOptions.ForSession(session.Server, session.Cookie);
            }
            else if (Credential is not null)
            {
                string? server = VCenter ?? stored?.VCenter ?? _identities.Select(i => i.Server).FirstOrDefault(s => s is not null);
                if (server is null)
                {
                    throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                        "-Credential needs -VCenter: say which vCenter to discover the named VMs in.");
                }

                options = VCenterConnectionOptions.ForCredential(server, Credential.UserName, Credential.Password);
            }
            else if (stored is not null)
            {
                options = VCenterConnectionOptions.ForCredential(VCenter ?? stored.VCenter, stored.UserName, stored.Password);
            }
            else
            {
                throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
                    "To add VMs by name or from PowerCLI objects, Add-SendenseVM discovers them in vCenter first and needs a way in: " +
                    "-VCenterCredential <stored credential>, -VCenter <host> -Credential <PSCredential>, or -VIServer $global:DefaultVIServer.");
            }
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, VCenter ?? (object?)VIServer);
            throw;
        }

        options.SkipCertificateCheck = SkipCertificateCheck.IsPresent;
        if (!string.IsNullOrEmpty(Thumbprint))
        {
            options.Thumbprint = CertificateThumbprint.Parse(Thumbprint!);
        }

        return options;
    }

    // One sweep for every identity; the matching rules live in VMIdentityMatcher.
    private IReadOnlyList<DiscoveredVM> DiscoverIdentities(VCenterConnectionOptions connection, int? credentialId)
    {
        string host = connection.HostName;
        var (wanted, elsewhere) = VMIdentityMatcher.SplitByVCenter(_identities, host);
        foreach (var (request, error) in elsewhere)
        {
            WriteSendenseError(error, request.Source);
        }

        if (wanted.Count == 0)
        {
            return Array.Empty<DiscoveredVM>();
        }

        var discovery = new VMDiscoveryRequest { Identities = wanted.Select(i => i.Identity).Distinct().ToList() };
        var observer = new CollectingDiscoveryObserver();
        WriteVerbose($"Discovering {discovery.Identities.Count} VM(s) in vCenter {host} to get their full metadata.");
        VMDiscoveryResult result;
        try
        {
            result = Await(token => VMDiscoveryService.DiscoverAsync(connection, discovery, observer, token));
        }
        catch (SendenseException exception)
        {
            observer.WriteMessages(this);
            ThrowSendenseError(exception, host);
            throw;
        }

        observer.WriteMessages(this);
        var (found, problems) = VMIdentityMatcher.Match(wanted, observer.VMs, host);
        foreach (var (request, error) in problems)
        {
            WriteSendenseError(error, request.Source);
        }

        foreach (DiscoveredVM vm in found)
        {
            vm.CredentialId = credentialId;
        }

        WriteVerbose($"Found {found.Count} of {wanted.Count} VM(s) in vCenter {host} in {result.Elapsed.TotalSeconds:0.00} s.");
        return found;
    }
}
