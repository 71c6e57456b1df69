using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>Turns driver exceptions into SendenseExceptions whose messages name the hub and say what to do.</summary>
internal static class HubErrors
{
    internal static SendenseException FromConnect(Exception exception, MySqlConnectionStringBuilder target)
    {
        string where = $"{target.Server}:{target.Port}";
        if (IsTlsFailure(exception))
        {
            // Not a reachability problem: the advice about names, ports and firewalls would mislead.
            bool verifying = target.SslMode is MySqlSslMode.VerifyCA or MySqlSslMode.VerifyFull;
            string advice = verifying
                ? "Trust the server's CA on this machine (or give its certificate with SslCa in a connection string), make sure the name you connect to is in the certificate, or use -TlsMode Required on a network you trust."
                : "Enable TLS on the server (ssl_cert and ssl_key in its configuration), or use -TlsMode Preferred or None on a network you trust.";
            return new SendenseException(SendenseErrorCode.HubUnreachable,
                $"TLS with the hub database server {where} failed (-TlsMode {target.SslMode}): {FirstSentence(exception)} {advice}", exception);
        }

        if (exception is MySqlException mysql)
        {
            switch (mysql.ErrorCode)
            {
                case MySqlErrorCode.AccessDenied:
                case MySqlErrorCode.DatabaseAccessDenied:
                    return new SendenseException(SendenseErrorCode.HubLoginFailed,
                        $"The hub database server {where} refused user '{target.UserID}' for database '{target.Database}'. " +
                        "Check the user name and password given with -Credential, and that the user may connect from this host.", mysql);
                case MySqlErrorCode.UnknownDatabase:
                    return new SendenseException(SendenseErrorCode.HubDatabaseNotFound,
                        $"The hub database server {where} has no database '{target.Database}'. " +
                        "Give the right name with -Database (the appliance uses migratekit_oma), or create it and run Initialize-SendenseDatabase.", mysql);
                case MySqlErrorCode.UnableToConnectToHost:
                    return new SendenseException(SendenseErrorCode.HubUnreachable,
                        $"Cannot reach the hub database server {where}: {FirstSentence(mysql)} " +
                        "Check the server name and port, that MariaDB is running, and that a firewall allows the connection.", mysql)
                    { IsTransient = true };
            }

            return new SendenseException(SendenseErrorCode.HubUnreachable,
                $"Connecting to the hub database server {where} failed: {FirstSentence(mysql)}", mysql);
        }

        return new SendenseException(SendenseErrorCode.HubUnreachable,
            $"Cannot reach the hub database server {where}: {exception.Message} " +
            "Check the server name and port, that MariaDB is running, and that a firewall allows the connection.", exception)
        { IsTransient = true };
    }

    /// <summary>
    /// Classifies a failure while writing: connection-level problems keep their connection codes (and the transient
    /// flag), anything else becomes HubQueryFailed with <paramref name="action"/> ("adding 12 VMs") in the message,
    /// which says that nothing of the <paramref name="unit"/> was written (the server rolled the transaction back).
    /// Only a command that writes in batches says "batch"; one change is a "change".
    /// </summary>
    internal static SendenseException FromQuery(Exception exception, string action, string hubDescription, string unit = "change") =>
        Classify(exception, action, hubDescription, $" Nothing of this {unit} was written; run the command again.");

    /// <summary>Classifies a failure while only reading: the same codes, without talk of what was (not) written.</summary>
    internal static SendenseException FromRead(Exception exception, string action, string hubDescription) =>
        Classify(exception, action, hubDescription, " Run the command again.");

    private static SendenseException Classify(Exception exception, string action, string hubDescription, string lostAdvice)
    {
        if (exception is SendenseException sendense)
        {
            return sendense;
        }

        if (exception is MySqlException mysql)
        {
            if (IsConnectionLost(mysql))
            {
                // The server dropped the session (killed, restarted, network gone): it rolled any transaction back.
                return new SendenseException(SendenseErrorCode.HubUnreachable,
                    $"Lost the hub database {hubDescription} while {action}: {FirstSentence(mysql)}{lostAdvice}", mysql)
                { IsTransient = true };
            }

            if (HubPrivilegeErrors.From(mysql, action, hubDescription) is SendenseException denied)
            {
                return denied;
            }

            switch (mysql.ErrorCode)
            {
                case MySqlErrorCode.AccessDenied:
                    // Only while opening a pooled connection mid-command: the password changed since Connect-SendenseHub.
                    return new SendenseException(SendenseErrorCode.HubLoginFailed,
                        $"The hub database {hubDescription} refused the login while {action}: {FirstSentence(mysql)} Run Connect-SendenseHub again with the current password.", mysql);
                case MySqlErrorCode.NoSuchTable:
                case MySqlErrorCode.BadFieldError:
                    return new SendenseException(SendenseErrorCode.HubSchemaMismatch,
                        $"The hub database {hubDescription} does not have the schema the module expects ({FirstSentence(mysql)}) Run Initialize-SendenseDatabase to see what is missing.", mysql);
                case MySqlErrorCode.LockDeadlock:
                case MySqlErrorCode.LockWaitTimeout:
                    return new SendenseException(SendenseErrorCode.HubQueryFailed,
                        $"The hub database {hubDescription} was busy while {action}: {FirstSentence(mysql)}{lostAdvice}", mysql)
                    { IsTransient = true };
            }

            return new SendenseException(SendenseErrorCode.HubQueryFailed,
                $"The hub database {hubDescription} rejected {action}: {FirstSentence(mysql)}", mysql);
        }

        if (exception is System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return new SendenseException(SendenseErrorCode.HubUnreachable,
                $"Lost the hub database {hubDescription} while {action}: {exception.Message}{lostAdvice}", exception)
            { IsTransient = true };
        }

        return new SendenseException(SendenseErrorCode.Unexpected,
            $"Unexpected failure while {action} on the hub database {hubDescription}: {exception.Message}", exception);
    }

    private static bool IsTlsFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException
                || current.Message.IndexOf("SSL", StringComparison.OrdinalIgnoreCase) >= 0
                || current.Message.IndexOf("TLS", StringComparison.Ordinal) >= 0
                || current.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The connection itself broke (killed, server shut down, socket closed) rather than the statement being refused:
    /// the server rolled back the open transaction, and only reconnecting helps.
    /// </summary>
    internal static bool IsConnectionLost(MySqlException exception)
    {
        const int ConnectionKilled = 1927;
        return exception.ErrorCode is MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown
                or MySqlErrorCode.NormalShutdown or MySqlErrorCode.ShutdownComplete
            || (int)exception.ErrorCode == ConnectionKilled
            || exception.InnerException is System.IO.IOException or System.Net.Sockets.SocketException
            || (exception.ErrorCode == MySqlErrorCode.None && exception.InnerException is not null);
    }

    private static string FirstSentence(Exception exception)
    {
        string message = exception.Message.Trim();
        return message.EndsWith(".", StringComparison.Ordinal) ? message : message + ".";
    }
}
