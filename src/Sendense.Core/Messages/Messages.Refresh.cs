namespace Sendense.Core.Common;

/// <summary>The refresh family's messages (Update-SendenseVM, the fan-out across vCenters, retries).</summary>
public static partial class Messages
{
    /// <summary>Retries of transient faults, on either side.</summary>
    public static class Retries
    {
        /// <summary>A vCenter request is sent again.</summary>
        public static string RetryingVCenter(string vcenter, string method, string fault, TimeSpan wait, int nextAttempt, int maxAttempts) =>
            $"vCenter {vcenter}: {method} met a transient fault ({fault}); sending it again in {Ms(wait)} ms (attempt {nextAttempt} of {maxAttempts}).";

        /// <summary>-AllowInsecureHttp (D1).</summary>
        public static string PlainHttp(string vcenter) =>
            $"-AllowInsecureHttp: vCenter {vcenter} is reached over plain http, so the user name, the password and the session cookie cross the network " +
            "in clear and anyone on the path can read them or impersonate vCenter. Use https (the default) outside a lab.";

        /// <summary>http:// refused without the opt-in (D1).</summary>
        public static SendenseException PlainHttpRefused(string server) => new SendenseException(SendenseErrorCode.VCenterInvalidArgument,
            $"'{server}' is a plain http address: the vCenter password would be sent in clear. Use https://, or add -AllowInsecureHttp for a lab vCenter " +
            "(a warning then says what is exposed).");

        internal static string Ms(TimeSpan wait) => wait.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
    }
}
