namespace HauGiang.Portal.Features.Push;

/// <summary>Why a device is told of a report.</summary>
public enum PushKind
{
    /// <summary>A report entered the user's scope: new, or transferred/escalated to their unit.</summary>
    NewInScope,

    /// <summary>A report was assigned to the user.</summary>
    Assigned,

    /// <summary>The user's report falls due within the "sắp đến hạn" window.</summary>
    DueSoon,

    /// <summary>An extension request awaits the user (a head of the report's unit).</summary>
    ExtensionRequested,
}
