using System.Reflection;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Writes warnings, verbose and debug messages so that no message can make a command fail, least of all after it
/// has written to the hub (issue D2). PowerShell 7 makes a compiled cmdlet's warnings and verbose messages Inquire
/// under -Debug, and a non-interactive host then throws "PowerShell is in NonInteractive mode"; with stdin closed the
/// prompt ends in a NullReferenceException. Here -Debug only shows more: when the Inquire comes from -Debug (and the
/// user did not ask for it with -WarningAction), the runtime's own "override Inquire" write is used, which writes the
/// record exactly as Continue would. Whatever still goes wrong while writing a message (a refused prompt, -WarningAction
/// Stop, a host without UI) is absorbed after a best-effort line on the host, so a committed change is never reported
/// as a failure. Only a stop (Ctrl+C) passes through.
/// </summary>
internal static class SafeStreams
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly Type? RuntimeType = typeof(PSObject).Assembly.GetType("System.Management.Automation.MshCommandRuntime");
    private static readonly MethodInfo? WarningOverInquire = RuntimeType?.GetMethod("WriteWarning", Internal, null, new[] { typeof(WarningRecord), typeof(bool) }, null);
    private static readonly MethodInfo? VerboseOverInquire = RuntimeType?.GetMethod("WriteVerbose", Internal, null, new[] { typeof(VerboseRecord), typeof(bool) }, null);

    internal static void Warning(Cmdlet cmdlet, string text) =>
        Write(cmdlet, text, "WARNING: ", DebugInquires(cmdlet, "WarningAction") ? WarningOverInquire : null, () => new WarningRecord(text),
            () => cmdlet.WriteWarning(text));

    internal static void Verbose(Cmdlet cmdlet, string text) =>
        Write(cmdlet, text, "VERBOSE: ", DebugInquires(cmdlet, "Verbose") ? VerboseOverInquire : null, () => new VerboseRecord(text),
            () => cmdlet.WriteVerbose(text));

    internal static void Debug(Cmdlet cmdlet, string text) => Write(cmdlet, text, "DEBUG: ", null, null, () => cmdlet.WriteDebug(text));

    // -Debug is bound (and true) and the stream's own switch is not: the Inquire comes from -Debug, not from the user.
    private static bool DebugInquires(Cmdlet cmdlet, string ownParameter)
    {
        if (cmdlet is not PSCmdlet ps)
        {
            return false;
        }

        var bound = ps.MyInvocation.BoundParameters;
        return bound.TryGetValue("Debug", out object? debug) && LanguagePrimitives.IsTrue(debug) && !bound.ContainsKey(ownParameter);
    }

    private static void Write(Cmdlet cmdlet, string text, string prefix, MethodInfo? overInquire, Func<InformationalRecord>? record, Action plain)
    {
        try
        {
            if (overInquire is not null && record is not null && cmdlet.CommandRuntime is { } runtime && RuntimeType!.IsInstanceOfType(runtime))
            {
                overInquire.Invoke(runtime, new object[] { record(), true });
                return;
            }

            plain();
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is PipelineStoppedException stopped)
        {
            throw stopped;
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            FallBackToHost(cmdlet, prefix + text);
        }
    }

    private static void FallBackToHost(Cmdlet cmdlet, string line)
    {
        try
        {
            (cmdlet as PSCmdlet)?.Host?.UI?.WriteLine(line);
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            // No host to show it on: the message is lost, the command's result is not.
        }
    }
}
