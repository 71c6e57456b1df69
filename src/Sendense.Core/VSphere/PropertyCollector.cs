using Sendense.Core.VSphere.Methods;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>
/// Property retrieval with the paging hidden inside: RetrievePropertiesEx with maxObjects, then
/// ContinueRetrievePropertiesEx for as long as vCenter returns a token, whatever maxObjects was (vCenter may cap a page
/// at ~100 objects). When the caller stops early (an error, Ctrl+C) the outstanding result set is released with
/// CancelRetrievePropertiesEx. Objects are streamed to a visitor; nothing is collected here.
/// </summary>
internal sealed class PropertyCollector
{
    private readonly SoapTransport _transport;

    internal PropertyCollector(SoapTransport transport, ManagedObjectReference self)
    {
        _transport = transport;
        Self = self;
    }

    internal ManagedObjectReference Self { get; }

    /// <summary>Retrieves one filter spec, page after page.</summary>
    internal Task RetrieveAsync(PropertyFilterSpec spec, int maxObjects, IObjectContentVisitor visitor, CancellationToken cancellationToken,
        Action<RetrievePage>? pageDone = null) =>
        RetrieveBatchesAsync(new[] { spec }, maxObjects, inFlight: 1, visitor, cancellationToken, pageDone);

    /// <summary>
    /// Retrieves several filter specs (e.g. batches of explicit VM references) with up to <paramref name="inFlight"/>
    /// requests outstanding: vCenter prepares the next batch while this one is parsed. Results reach the visitor in
    /// batch order, from one thread.
    /// </summary>
    internal async Task RetrieveBatchesAsync(IReadOnlyList<PropertyFilterSpec> specs, int maxObjects, int inFlight,
        IObjectContentVisitor visitor, CancellationToken cancellationToken, Action<RetrievePage>? pageDone = null)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<SoapResponse>>();
        int next = 0;
        void Fill()
        {
            while (pending.Count < Math.Max(1, inFlight) && next < specs.Count)
            {
                pending.Enqueue(_transport.SendAsync(PropertyCollectorMethods.RetrievePropertiesEx(Self, specs[next++], maxObjects), abandon.Token));
            }
        }

        try
        {
            Fill();
            while (pending.Count > 0)
            {
                Task<SoapResponse> first = pending.Dequeue();
                using SoapResponse response = await first.ConfigureAwait(false);
                Fill();
                await ReadAllPagesAsync(response, visitor, pageDone, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Requests sent ahead are abandoned: closing them is all that can be done (their tokens were never seen,
            // vCenter frees them with the session).
            abandon.Cancel();
            foreach (Task<SoapResponse> task in pending)
            {
                _ = task.ContinueWith(t =>
                {
                    if (t.Status == TaskStatus.RanToCompletion)
                    {
                        t.Result.Dispose();
                    }

                    _ = t.Exception;
                }, TaskScheduler.Default);
            }

            throw;
        }
    }

    private async Task ReadAllPagesAsync(SoapResponse response, IObjectContentVisitor visitor,
        Action<RetrievePage>? pageDone, CancellationToken cancellationToken)
    {
        // The token of the result set still held on the server; released if this method fails half way.
        string? outstanding = null;
        try
        {
            var page = new RetrievePage(response.Method);
            try
            {
                await response.ReadAsync(reader => PropertyCollectorMethods.ReadRetrieveResult(reader, visitor, page)).ConfigureAwait(false);
            }
            catch
            {
                outstanding = page.Token;
                throw;
            }

            outstanding = page.Token;
            pageDone?.Invoke(page);
            while (outstanding is not null)
            {
                string token = outstanding;
                var continued = new RetrievePage("ContinueRetrievePropertiesEx");
                try
                {
                    using SoapResponse more = await _transport.SendAsync(PropertyCollectorMethods.ContinueRetrievePropertiesEx(Self, token), cancellationToken).ConfigureAwait(false);
                    await more.ReadAsync(reader => PropertyCollectorMethods.ReadRetrieveResult(reader, visitor, continued)).ConfigureAwait(false);
                }
                catch
                {
                    // Each token is used once. The token comes first in a page: objects without one mean the last
                    // page; nothing read at all means the old token may still be held.
                    outstanding = continued.Token ?? (continued.Objects > 0 ? null : token);
                    throw;
                }

                outstanding = continued.Token;
                pageDone?.Invoke(continued);
            }
        }
        catch (Exception exception)
        {
            if (outstanding is not null && !IsSessionLoss(exception))
            {
                await CancelQuietlyAsync(outstanding).ConfigureAwait(false);
            }

            throw;
        }
    }

    // The result set dies with the session anyway.
    /// <summary>Releases a result set; never throws (the original failure is the one to report).</summary>
    internal Task CancelQuietlyAsync(string token) =>
        _transport.CleanupQuietlyAsync(budget => PropertyCollectorMethods.CancelRetrievePropertiesExAsync(_transport, Self, token, budget));

    private static bool IsSessionLoss(Exception exception) =>
        exception is VimFaultException fault && fault.Fault.IsNotAuthenticated;
}
