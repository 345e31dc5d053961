using Microsoft.AspNetCore.Components;

namespace HauGiang.Portal.Components.Shared;

/// <summary>
/// A component that renders again when one of its parameters changed or it handled its own event, not whenever its
/// parent renders. Blazor counts a parameter of a reference type (a filter record, a list, a user) as changed on
/// every render of the parent, and a live page renders every time a report in its scope changes: without this, the
/// filter panel's and export buttons' MudBlazor parts were rendered and sent to the browser again with every new
/// report (docs/performance.md, "What a live update costs the browser"). Values are compared with Equals: records
/// by value, lists and callbacks by reference.
/// </summary>
public abstract class ParameterDrivenComponent : ComponentBase
{
    private Dictionary<string, object?>? _last;
    private bool _unchanged;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var now = parameters.ToDictionary();
        _unchanged = _last is not null && now.Count == _last.Count
            && now.All(p => _last.TryGetValue(p.Key, out var before) && Equals(before, p.Value));
        _last = new Dictionary<string, object?>(now);
        return base.SetParametersAsync(parameters);
    }

    // The render that setting equal parameters asks for is skipped; any later one (an event, a timer) is not.
    protected override bool ShouldRender()
    {
        var render = !_unchanged;
        _unchanged = false;
        return render;
    }
}
