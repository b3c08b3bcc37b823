using Autoscaler.E2E.Tests.Adapter;
using Autoscaler.Kubernetes.Entities;
using k8s;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// What every calendar e2e test stands on, set up in one order: a fresh namespace on the real control plane with the
/// checkout HPA and RBAC for the product manager alice and the approver bob (<see cref="CalendarCluster"/>), a private
/// work folder, optionally Debian's Prometheus with backfilled history, then the calendar app and chromium. Disposed in
/// reverse: browser, app, Prometheus, namespace, folder.
/// </summary>
internal sealed class CalendarStage : IAsyncDisposable
{
    private readonly string _kubeconfig;
    private CalendarServer? _server;
    private CalendarBrowser? _browser;

    private CalendarStage(string kubeconfig, IKubernetes kube, string ns)
    {
        _kubeconfig = kubeconfig;
        Kube = kube;
        Namespace = ns;
        WorkDirectory = Path.Combine(Path.GetTempPath(), ns + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDirectory);
    }

    public IKubernetes Kube { get; }

    /// <summary>The namespace: the prefix and six random hex digits.</summary>
    public string Namespace { get; }

    /// <summary>A temporary folder removed on dispose (history CSVs, Prometheus's config and TSDB).</summary>
    public string WorkDirectory { get; }

    /// <summary>Prometheus, once <see cref="StartPrometheusAsync"/> ran.</summary>
    public RealPrometheus? Prometheus { get; private set; }

    public CalendarServer Server => _server ?? throw new InvalidOperationException("the calendar app is not started: call StartAppAsync first");

    public CalendarBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not launched: call StartAppAsync first");

    /// <summary>Applies the CRDs and creates the namespace (named <paramref name="prefix"/>-xxxxxx) with the checkout HPA and RBAC.</summary>
    /// <param name="hpaAnnotations">More annotations on the checkout HPA (such as the history query).</param>
    public static async Task<CalendarStage> CreateAsync(string kubeconfig, string prefix, IReadOnlyDictionary<string, string>? hpaAnnotations = null)
    {
        var kube = await CalendarCluster.ConnectAsync(kubeconfig);
        var stage = new CalendarStage(kubeconfig, kube, prefix + "-" + Guid.NewGuid().ToString("N")[..6]);
        await CalendarCluster.CreateNamespaceAsync(kube, stage.Namespace, "alice", "bob", hpaAnnotations);
        return stage;
    }

    /// <summary>Backfills <paramref name="history"/> into a new Prometheus's TSDB, then starts it scraping <paramref name="targets"/> every second.</summary>
    public async Task StartPrometheusAsync(OpenMetricsBackfill history, IEnumerable<(string Job, int Port, string Namespace)> targets)
    {
        var directory = Path.Combine(WorkDirectory, "prometheus");
        Prometheus = new RealPrometheus(directory, targets);
        await history.CreateBlocksAsync(Path.Combine(WorkDirectory, "backfill.om"), Path.Combine(directory, "tsdb"));
        await Prometheus.StartAsync();
    }

    /// <summary>Starts the calendar app reading history from <see cref="Prometheus"/> (3-day window on a <paramref name="step"/> grid, seasonal-naive:1d), and chromium.</summary>
    public Task StartAppOnPrometheusAsync(string step) =>
        StartAppAsync(new Dictionary<string, string>
        {
            ["Calendar:PrometheusUrl"] = (Prometheus ?? throw new InvalidOperationException("call StartPrometheusAsync first")).Url.ToString(),
            ["Calendar:HistoryStep"] = step,
            ["Calendar:HistoryWindow"] = "3d",
            ["Calendar:Forecaster"] = "seasonal-naive:1d",
        });

    /// <summary>Writes nine days of CSV history for the checkout HPA (<see cref="CalendarCluster.WriteHistory"/>) and starts the calendar app on it (seasonal-naive:1d), and chromium.</summary>
    public Task StartAppOnCsvHistoryAsync() =>
        StartAppAsync(new Dictionary<string, string>
        {
            ["Calendar:HistoryCsvDirectory"] = CalendarCluster.WriteHistory(Path.Combine(WorkDirectory, "history"), Namespace),
            ["Calendar:Forecaster"] = "seasonal-naive:1d",
            ["Calendar:HistoryWindow"] = "9d",
        });

    /// <summary>Starts the calendar app for the namespace with <paramref name="settings"/> (history source, forecaster), and chromium.</summary>
    public async Task StartAppAsync(IReadOnlyDictionary<string, string> settings)
    {
        _server = await CalendarServer.StartAsync(_kubeconfig, Namespace, settings);
        _browser = await CalendarBrowser.LaunchAsync();
    }

    /// <summary>The namespace's ScalingEvents as the API server holds them now.</summary>
    public async Task<V1Alpha1ScalingEventList> ListEventsAsync() =>
        await Kube.CustomObjects.ListNamespacedCustomObjectAsync<V1Alpha1ScalingEventList>(AutoscalerApi.Group, AutoscalerApi.Version, Namespace, AutoscalerApi.ScalingEventPlural);

    /// <summary>The app's page at <paramref name="fragment"/> (such as "#/new") as an absolute URL.</summary>
    public string PageUrl(string fragment) => new Uri(Server.Url, fragment).ToString();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        Prometheus?.Dispose();
        await Kube.CoreV1.DeleteNamespaceAsync(Namespace);
        Kube.Dispose();
        if (Directory.Exists(WorkDirectory)) Directory.Delete(WorkDirectory, recursive: true);
    }
}
