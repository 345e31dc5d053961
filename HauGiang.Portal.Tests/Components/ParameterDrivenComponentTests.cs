using Bunit;
using HauGiang.Portal.Components.Shared;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace HauGiang.Portal.Tests.Components;

/// <summary>
/// A live page renders again with every change in its scope; a filter panel or export buttons inside it render (and
/// are sent to the browser) again only when what they show changed or the officer used them.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public class ParameterDrivenComponentTests : PortalTestContext
{
    [Fact]
    public void The_same_parameters_again_render_nothing_a_changed_one_or_the_users_click_renders()
    {
        var filter = new Shown("rác", [1, 2]);
        var cut = Render<Probe>(p => p.Add(c => c.Filter, filter));
        Assert.Equal("rác · 1", cut.Find("span").TextContent);

        cut.Render(p => p.Add(c => c.Filter, filter with { }));            // the parent rendered for a new report
        Assert.Equal("rác · 1", cut.Find("span").TextContent);

        cut.Render(p => p.Add(c => c.Filter, filter with { Text = "đèn" })); // the URL set another filter
        Assert.Equal("đèn · 2", cut.Find("span").TextContent);

        cut.Find("button").Click();                                       // the officer's own click
        Assert.Equal("đèn · 3", cut.Find("span").TextContent);
    }

    public sealed record Shown(string Text, IReadOnlyList<int> Ids);

    /// <summary>Shows its filter and how many times it rendered.</summary>
    private sealed class Probe : ParameterDrivenComponent
    {
        private int _renders;

        [Parameter]
        public Shown Filter { get; set; } = new("", []);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            _renders++;
            builder.OpenElement(0, "span");
            builder.AddContent(1, $"{Filter.Text} · {_renders}");
            builder.CloseElement();
            builder.OpenElement(2, "button");
            builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, () => { }));
            builder.CloseElement();
        }
    }
}
