namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>Runs only when HG_BENCH=1 (it takes about a minute and loads the machine): see docs/performance.md.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HG_BENCH") != "1")
        {
            Skip = "Benchmark: run with HG_BENCH=1 (docs/performance.md).";
        }
    }
}
