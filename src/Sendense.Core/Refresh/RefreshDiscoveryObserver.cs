using Sendense.Core.Discovery;

namespace Sendense.Core.Refresh;

/// <summary>
/// Collects the VMs one vCenter returned for a refresh (or an add of PowerCLI input) and shows that vCenter's
/// progress as a child of the fan-out's parent bar, so several vCenters at once show one bar each.
/// </summary>
internal sealed class RefreshDiscoveryObserver : CollectingDiscoveryObserver
{
    private readonly IOperationObserver _observer;
    private readonly string _activity;
    private readonly int _progressId;
    private readonly int _parentId;
    private bool _shown;

    internal RefreshDiscoveryObserver(IOperationObserver observer, string vcenter, int index)
        : base(observer)
    {
        _observer = observer;
        _activity = "Reading the managed VMs from vCenter " + vcenter;
        _progressId = index < 0 ? VCenterFanOut.ParentProgressId : VCenterFanOut.ChildProgressId(index);
        _parentId = index < 0 ? -1 : VCenterFanOut.ParentProgressId;
    }

    /// <inheritdoc />
    public override void OnProgress(VMDiscoveryProgress progress)
    {
        if (progress.Stage == VMDiscoveryStage.Completed)
        {
            Complete();
            return;
        }

        int? percent = progress.Stage == VMDiscoveryStage.ReadingVMs && progress.Total is int total && total > 0 ? Math.Min(100, progress.Read * 100 / total) : null;
        _shown = true;
        _observer.Progress(new OperationProgress(_progressId, _activity, Messages.Discovery.Stage(progress)) { Percent = percent, ParentId = _parentId });
    }

    internal void Complete()
    {
        if (_shown)
        {
            _shown = false;
            _observer.Progress(new OperationProgress(_progressId, _activity, "Done") { Completed = true, ParentId = _parentId });
        }
    }
}
