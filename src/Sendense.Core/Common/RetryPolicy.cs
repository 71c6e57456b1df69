namespace Sendense.Core.Common;

/// <summary>
/// The one retry rule of the module, for transient faults on both sides (vCenter: resets, timeouts, 502/503/504; the
/// hub: deadlock, lock wait, a connection lost before COMMIT): a bounded number of attempts, exponential back-off
/// with jitter (so racing writers and a restarting vCenter's clients do not retry in lock step) and, optionally, a
/// bound on the total time spent waiting. The callers decide what is safe to retry (never anything that could be
/// written twice); this class only says how long to wait and when to stop.
/// <para>Our own small policy rather than Polly.Core: Sendense.Core loads into PowerShell's default context and has no
/// third-party dependency (another module's Polly would collide with ours there), the hub's retry has to re-plan the
/// batch between attempts (not re-run the same delegate), and the whole rule is this one page.</para>
/// </summary>
public sealed class RetryPolicy
{
    private static readonly Random Shared = new Random();

    /// <summary>A policy of <paramref name="maxAttempts"/> attempts waiting between half and all of min(<paramref name="maxDelay"/>, <paramref name="baseDelay"/> * 2^(attempt-1)).</summary>
    public RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? maxTotalWait = null)
    {
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), "A policy needs at least one attempt.");
        }

        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
        MaxTotalWait = maxTotalWait;
    }

    /// <summary>vCenter requests: 4 attempts, 250 ms doubling up to 4 s.</summary>
    public static RetryPolicy VCenter { get; } = new RetryPolicy(4, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4));

    /// <summary>The variable that overrides the bound on a batch's total wait for row locks, in seconds.</summary>
    public const string LockWaitVariable = "SENDENSE_HUB_LOCK_WAIT_SECONDS";

    /// <summary>The default bound on a batch's total wait for row locks another session holds (D5).</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Hub batches: 8 attempts, 25 ms doubling up to 1 s between them, and at most <see cref="LockWaitBound"/> in all
    /// (each lock wait itself lasts up to the session's innodb_lock_wait_timeout, which the store keeps short).
    /// </summary>
    public static RetryPolicy HubBatch => new RetryPolicy(8, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), LockWaitBound);

    /// <summary>The bound on a batch's total wait: <see cref="LockWaitVariable"/> when set to whole seconds, else 120 s.</summary>
    public static TimeSpan LockWaitBound =>
        LockWaitForTests.Value ??
        (int.TryParse(Environment.GetEnvironmentVariable(LockWaitVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLockWait);

    /// <summary>A bound for one test's async flow only (tests run in parallel; the variable is process-wide).</summary>
    internal static AsyncLocal<TimeSpan?> LockWaitForTests { get; } = new AsyncLocal<TimeSpan?>();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The ceiling of the first wait.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The ceiling of any one wait.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>When set, no retry starts once this much time has been spent (waiting included) since the first attempt.</summary>
    public TimeSpan? MaxTotalWait { get; }

    /// <summary>True when another attempt may follow attempt number <paramref name="attempt"/> (1-based) after <paramref name="elapsed"/> in all.</summary>
    public bool MayRetry(int attempt, TimeSpan elapsed) =>
        attempt < MaxAttempts && (MaxTotalWait is not TimeSpan bound || elapsed < bound);

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based): between half and all of the doubled ceiling.</summary>
    public TimeSpan Delay(int attempt)
    {
        double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, Math.Min(attempt - 1, 20))));
        double jitter;
        lock (Shared)
        {
            jitter = Shared.NextDouble();
        }

        return TimeSpan.FromMilliseconds(ceiling / 2 + (jitter * ceiling / 2));
    }
}
