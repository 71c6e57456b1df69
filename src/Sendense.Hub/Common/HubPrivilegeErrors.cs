using System.Text.RegularExpressions;
using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>
/// A statement refused for a missing privilege (not a wrong password: the login worked). The message names the
/// privilege and the table as the server reported them, so the admin grants exactly that instead of checking the
/// password (which HubLoginFailed would suggest).
/// </summary>
internal static class HubPrivilegeErrors
{
    /// <summary>What the module needs on the hub database; docs/hub-permissions.md gives the GRANT statement.</summary>
    internal const string Needed = "SELECT, INSERT, UPDATE, DELETE and CREATE TEMPORARY TABLES";

    private const int SpecificAccessDenied = 1227;

    // "INSERT command denied to user 'u'@'h' for table `db`.`vm_disks`" (MariaDB 10.5+; older servers quote with ').
    private static readonly Regex TableDenied = new Regex(
        @"^(?<privilege>[A-Z][A-Z ]*?) command denied to user .*? for table [`']?(?:[^`'.]+[`']?\.[`']?)?(?<table>[^`']+)[`']?",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The permission error for <paramref name="exception"/>, or null when it is not about a privilege.</summary>
    internal static SendenseException? From(MySqlException exception, string action, string hubDescription)
    {
        string? what = exception.ErrorCode switch
        {
            MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied => TableDenied.Match(exception.Message) is { Success: true } m
                ? $"the {m.Groups["privilege"].Value} privilege on table {m.Groups["table"].Value}"
                : "a table privilege",

            // After the login the only database-level privilege the module's statements use is the one for the
            // session's temporary tables (Add-SendenseVM stages each batch in them).
            MySqlErrorCode.DatabaseAccessDenied => "the CREATE TEMPORARY TABLES privilege on the database",
            _ when (int)exception.ErrorCode == SpecificAccessDenied => "a privilege",
            _ => null,
        };

        return what is null ? null : new SendenseException(SendenseErrorCode.HubPermissionDenied,
            $"The hub database {hubDescription} refused {what} while {action} ({exception.Message.TrimEnd('.')}). " +
            $"Grant the user {Needed} on the hub database (docs/hub-permissions.md has the GRANT statement); " +
            "Initialize-SendenseDatabase lists what is still missing.", exception);
    }
}
