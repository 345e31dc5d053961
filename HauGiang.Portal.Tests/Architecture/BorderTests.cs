using System.Reflection;
using HauGiang.Portal.Tests.Infrastructure;
using NetArchTest.Rules;

namespace HauGiang.Portal.Tests.Architecture;

/// <summary>
/// The borders of architecture.md, read from the compiled app: Domain depends on no Data, Feature or Component;
/// Data on no Feature or Component; a feature on no other feature except the Live feed, the shared report-query
/// core (Features/Shared) and the exports. What is crossed today is listed in <see cref="KnownDebt"/>: the test
/// fails on any crossing not in the list, and on any listed one that has gone (take it off the list: the ratchet
/// only turns one way).
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class BorderTests
{
    private const string Root = "HauGiang.Portal";

    /// <summary>
    /// Features every feature may use: the live feed; the shared report core (filter, tabs, URL form, scope, reads,
    /// lookups, calendar; the handling actions in Shared/Actions; the photo store in Shared/Photos, which intake
    /// writes, the report page shows and adds to, and backups copy); the exports, whose buttons every list of reports
    /// offers. Each of them is still checked like any feature: none may use a feature outside this list.
    /// </summary>
    private static readonly string[] SharedFeatures = ["Live", "Shared", "Export"];

    /// <summary>
    /// Crossings that exist today (issue #14: features that still reach into each other). Remove a line when its
    /// crossing is gone; never add one.
    /// </summary>
    private static readonly string[] KnownDebt = [];

    private static readonly Assembly App = typeof(Portal.Domain.Report).Assembly;

    private static readonly string[] Features = App.GetTypes()
        .Select(t => t.Namespace ?? "")
        .Where(n => n.StartsWith($"{Root}.Features.", StringComparison.Ordinal))
        .Select(n => n.Split('.')[3]).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>"Domain -> Data", "Queue -> Dashboard" …: every border crossed in the compiled app.</summary>
    private static IEnumerable<string> Crossings()
    {
        var types = Types.InAssembly(App);
        var all = Features.Select(f => ($"Features.{f}", f)).ToArray();
        var checks = new List<(string From, string FromName, string To, string ToName)>();
        checks.AddRange(new[] { ("Data", "Data"), ("Components", "Components") }.Concat(all)
            .Select(to => ("Domain", "Domain", to.Item1, to.Item2)));
        checks.AddRange(new[] { ("Components", "Components") }.Concat(all)
            .Select(to => ("Data", "Data", to.Item1, to.Item2)));
        checks.AddRange(
            from a in Features
            from b in Features
            where a != b && !SharedFeatures.Contains(b)
            select ($"Features.{a}", a, $"Features.{b}", b));

        foreach (var (from, fromName, to, toName) in checks)
        {
            var result = types.That().ResideInNamespace($"{Root}.{from}")
                .ShouldNot().HaveDependencyOn($"{Root}.{to}").GetResult();
            if (!result.IsSuccessful)
            {
                yield return $"{fromName} -> {toName}";
            }
        }
    }

    [Fact]
    public void Domain_data_and_features_cross_no_border_beyond_the_known_debt()
    {
        var crossings = Crossings().ToHashSet();

        var added = crossings.Except(KnownDebt).Order(StringComparer.Ordinal).ToList();
        var gone = KnownDebt.Except(crossings).ToList();

        Assert.True(added.Count == 0, "New border crossings (move the shared part to Domain, Data or the shared core): " + string.Join(", ", added));
        Assert.True(gone.Count == 0, "Paid off, take them off KnownDebt: " + string.Join(", ", gone));
    }

    [Fact]
    public void The_test_sees_the_features_of_the_app()
    {
        Assert.Contains("Queue", Features);
        Assert.Contains("Intake", Features);
        Assert.Contains("Live", Features);
    }
}
