namespace Sendense.Core.Common;

/// <summary>The hub family's messages.</summary>
public static partial class Messages
{
    /// <summary>Connecting to the hub and checking its database.</summary>
    public static class Hub
    {
        /// <summary>What an existing hub's tables lack, one line each.</summary>
        public static SendenseException SchemaProblems(string hub, IEnumerable<string> problems) =>
            new SendenseException(SendenseErrorCode.HubSchemaMismatch,
                $"The hub database {hub} lacks what the module needs:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));

        /// <summary>The privileges the connected user lacks, one line each, with the grant that gives them all.</summary>
        public static SendenseException PrivilegesMissing(string hub, IEnumerable<string> missing) =>
            new SendenseException(SendenseErrorCode.HubPermissionDenied,
                $"The database user of {hub} lacks privileges the module needs:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", missing) +
                $"{Environment.NewLine}Grant SELECT, INSERT, UPDATE, DELETE and CREATE TEMPORARY TABLES on the hub database " +
                "(docs/hub-permissions.md has the GRANT statement), then run Initialize-SendenseDatabase again.")
            { StopsCommand = false };
    }
}
