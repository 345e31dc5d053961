namespace HauGiang.Portal.Tests.Features.Observability;

/// <summary>
/// OpenTelemetry listens to meters by name, process-wide: an exporting app also sees the "HauGiang.Portal" meters of
/// every other test app in the process, and their streams come and go as those apps start and stop (a count could
/// even fall between two scrapes). Tests that read exported metrics therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterCollection
{
    public const string Name = "meters";
}
