using System;
using MySqlConnector;
using Sendense.Core.Errors;

namespace Sendense.Hub.Connection;

/// <summary>Turns driver exceptions into SendenseExceptions whose messages name the hub and say what to do.</summary>
internal static class HubErrors
{
    internal static SendenseException FromConnect(Exception exception, MySqlConnectionStringBuilder target)
    {
        string where = $"{target.Server}:{target.Port}";
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

    private static string FirstSentence(Exception exception)
    {
        string message = exception.Message.Trim();
        return message.EndsWith(".", StringComparison.Ordinal) ? message : message + ".";
    }
}
