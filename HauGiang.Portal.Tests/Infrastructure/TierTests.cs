using System.Reflection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// Every test class says its tier, and the tier matches what it starts: a class that runs in the browser collection
/// is Browser, one whose fixture is a web app (PortalApp and kin) is App (or Browser), a benchmark is Bench. So
/// <c>scripts/test.sh --fast</c> never boots a server and a new test class cannot be left out of every tier.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class TierTests
{
    private static readonly string[] Tiers = [Tier.Fast, Tier.App, Tier.Browser, Tier.Bench];

    private static IEnumerable<Type> TestClasses() =>
        typeof(TierTests).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));

    private static string[] TiersOf(Type type) =>
        type.GetCustomAttributesData().Concat(type.BaseType?.GetCustomAttributesData() ?? [])
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == Tier.Key)
            .Select(a => (string)a.ConstructorArguments[1].Value!).Distinct().ToArray();

    private static string? Expected(Type type)
    {
        if (type.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any(f => f.GetType().Name == "BenchmarkFactAttribute")))
        {
            return Tier.Bench;
        }
        if (type.GetCustomAttribute<CollectionAttribute>() is not null && type.GetCustomAttributesData()
                .Any(a => a.AttributeType == typeof(CollectionAttribute) && (string?)a.ConstructorArguments[0].Value == BrowserCollection.Name))
        {
            return Tier.Browser;
        }
        var fixtures = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(i => i.GetGenericArguments()[0])
            .Concat(type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));
        return fixtures.Any(IsWebApp) ? Tier.App : null;
    }

    private static bool IsWebApp(Type type) =>
        type.IsAssignableTo(typeof(PortalApp)) || (type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(WebApplicationFactory<>));

    [Fact]
    public void Every_test_class_has_exactly_one_tier()
    {
        var wrong = TestClasses().Where(t => TiersOf(t) is not [var tier] || !Tiers.Contains(tier)).Select(t => t.FullName).ToList();

        Assert.True(wrong.Count == 0, "Add [Trait(Tier.Key, Tier.…)] to: " + string.Join(", ", wrong));
    }

    [Fact]
    public void A_test_class_that_starts_the_app_or_a_browser_is_not_in_the_fast_tier()
    {
        var wrong = TestClasses()
            .Select(t => (Type: t, Expected: Expected(t), Actual: TiersOf(t).FirstOrDefault()))
            .Where(x => x.Expected is { } e && x.Actual != e && !(e == Tier.App && x.Actual == Tier.Browser))
            .Select(x => $"{x.Type.FullName} is {x.Actual}, should be {x.Expected}").ToList();

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

}
