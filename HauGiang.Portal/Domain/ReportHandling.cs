namespace HauGiang.Portal.Domain;

/// <summary>
/// Applies one handling action to a report: checks the state machine, changes the report and returns the
/// timeline event to store with it. Pure: no database, no clock (the caller passes <c>now</c>).
/// </summary>
public static class ReportHandling
{
    /// <summary>The first line of every timeline: received and routed (or left with the coordinators when unitId is null).</summary>
    public static ReportEvent Receive(Report r, DateTime now, int? unitId)
    {
        r.State = ReportState.New;
        r.UnitId = unitId;
        var e = new ReportEvent
        {
            ReportId = r.Id,
            At = now,
            Type = ReportEventType.Received,
            ActorName = Actor.System.Name,
            ToState = ReportState.New,
            ToUnitId = unitId,
            Visibility = EventVisibility.Public,
        };
        r.Events.Add(e);
        return e;
    }

    public static ReportEvent Accept(Report r, Actor by, DateTime now) =>
        Apply(r, ReportAction.Accept, by, now, ReportEventType.Accepted, null, EventVisibility.Public);

    public static ReportEvent Assign(Report r, Actor by, DateTime now, string officerId, string officerName)
    {
        var e = Apply(r, ReportAction.Assign, by, now, ReportEventType.Assigned, officerName, EventVisibility.Internal);
        r.AssignedOfficerId = officerId;
        return e;
    }

    public static ReportEvent AddNote(Report r, Actor by, DateTime now, string note) =>
        Apply(r, ReportAction.AddNote, by, now, ReportEventType.Note, Required(note), EventVisibility.Internal);

    public static ReportEvent PublicUpdate(Report r, Actor by, DateTime now, string text) =>
        Apply(r, ReportAction.PublicUpdate, by, now, ReportEventType.ProgressUpdate, Required(text), EventVisibility.Public);

    public static ReportEvent Reply(Report r, Actor by, DateTime now, string text)
    {
        var e = Apply(r, ReportAction.Reply, by, now, ReportEventType.Replied, Required(text), EventVisibility.Public);
        r.ResolvedAt = now;
        r.ExtensionRequestedUntil = null;
        return e;
    }

    public static ReportEvent Transfer(Report r, Actor by, DateTime now, int toUnitId, string reason)
    {
        if (toUnitId == r.UnitId)
        {
            throw new ArgumentException("A report cannot be transferred to the unit that holds it.", nameof(toUnitId));
        }

        return MoveTo(r, ReportAction.Transfer, by, now, ReportEventType.Transferred, toUnitId, Required(reason));
    }

    public static ReportEvent Return(Report r, Actor by, DateTime now, string reason) =>
        MoveTo(r, ReportAction.Return, by, now, ReportEventType.Returned, null, Required(reason));

    public static ReportEvent Escalate(Report r, Actor by, DateTime now, int parentUnitId, string reason) =>
        MoveTo(r, ReportAction.Escalate, by, now, ReportEventType.Escalated, parentUnitId, Required(reason));

    public static ReportEvent Route(Report r, Actor by, DateTime now, int toUnitId, string? note) =>
        MoveTo(r, ReportAction.Route, by, now, ReportEventType.Routed, toUnitId, note);

    public static ReportEvent Reject(Report r, Actor by, DateTime now, RejectReason reason, string text)
    {
        var e = Apply(r, ReportAction.Reject, by, now, ReportEventType.Rejected, Required(text), EventVisibility.Public);
        r.RejectReason = reason;
        r.ClosedAt = now;
        r.ExtensionRequestedUntil = null;
        return e;
    }

    public static ReportEvent MarkDuplicate(Report r, Actor by, DateTime now, Report original)
    {
        if (original.Id == r.Id)
        {
            throw new ArgumentException("A report cannot duplicate itself.", nameof(original));
        }

        var e = Apply(r, ReportAction.MarkDuplicate, by, now, ReportEventType.MarkedDuplicate, original.Code, EventVisibility.Public);
        r.DuplicateOfId = original.Id;
        r.RejectReason = RejectReason.Duplicate;
        r.ClosedAt = now;
        r.ExtensionRequestedUntil = null;
        return e;
    }

    public static ReportEvent RequestExtension(Report r, Actor by, DateTime now, DateTime newDueUtc, string reason)
    {
        if (newDueUtc <= r.DueAt)
        {
            throw new ArgumentException("The new deadline must be later than the current one.", nameof(newDueUtc));
        }

        var e = Apply(r, ReportAction.RequestExtension, by, now, ReportEventType.ExtensionRequested, Required(reason), EventVisibility.Internal);
        r.ExtensionRequestedUntil = newDueUtc;
        return e;
    }

    public static ReportEvent ApproveExtension(Report r, Actor by, DateTime now, string? note)
    {
        var e = Apply(r, ReportAction.ApproveExtension, by, now, ReportEventType.ExtensionApproved, note, EventVisibility.Internal);
        r.DueAt = r.ExtensionRequestedUntil!.Value;
        r.ExtensionRequestedUntil = null;
        return e;
    }

    public static ReportEvent RefuseExtension(Report r, Actor by, DateTime now, string? note)
    {
        var e = Apply(r, ReportAction.RefuseExtension, by, now, ReportEventType.ExtensionRefused, note, EventVisibility.Internal);
        r.ExtensionRequestedUntil = null;
        return e;
    }

    public static ReportEvent Reopen(Report r, Actor by, DateTime now, DateTime newDueUtc, string reason)
    {
        var e = Apply(r, ReportAction.Reopen, by, now, ReportEventType.Reopened, Required(reason), EventVisibility.Public);
        r.ResolvedAt = null;
        r.ClosedAt = null;
        r.RejectReason = null;
        r.DuplicateOfId = null;
        r.DueAt = newDueUtc;
        return e;
    }

    public static ReportEvent SetVisibility(Report r, Actor by, DateTime now, bool isPublic)
    {
        var e = Apply(r, ReportAction.SetVisibility, by, now, ReportEventType.VisibilityChanged, null, EventVisibility.Internal);
        r.IsPublic = isPublic;
        return e;
    }

    public static ReportEvent Close(Report r, Actor by, DateTime now)
    {
        var e = Apply(r, ReportAction.Close, by, now, ReportEventType.Closed, null, EventVisibility.Public);
        r.ClosedAt = now;
        return e;
    }

    private static ReportEvent MoveTo(Report r, ReportAction action, Actor by, DateTime now, ReportEventType type, int? toUnitId, string? note)
    {
        var fromUnit = r.UnitId;
        var e = Apply(r, action, by, now, type, note, EventVisibility.Internal);
        r.UnitId = toUnitId;
        r.AssignedOfficerId = null;
        r.ExtensionRequestedUntil = null;
        e.FromUnitId = fromUnit;
        e.ToUnitId = toUnitId;
        return e;
    }

    private static ReportEvent Apply(Report r, ReportAction action, Actor by, DateTime now, ReportEventType type, string? note, EventVisibility visibility)
    {
        ReportWorkflow.Check(action, r, by.Role);

        // Every action is a change, even one that keeps the state (a note): the version moves so that a copy
        // taken before it cannot be saved over it.
        r.Version++;
        var from = r.State;
        var to = ReportWorkflow.TargetState(action, from);
        r.State = to;

        // The first thing the responsible unit does counts as its first action (not notes, not the system).
        if (r.FirstActionAt is null && by.Id is not null && type is not ReportEventType.Note)
        {
            r.FirstActionAt = now;
        }

        var e = new ReportEvent
        {
            ReportId = r.Id,
            At = now,
            Type = type,
            ActorId = by.Id,
            ActorName = by.Name,
            FromState = from,
            ToState = to,
            FromUnitId = r.UnitId,
            ToUnitId = r.UnitId,
            Note = note,
            Visibility = visibility,
        };
        r.Events.Add(e);
        return e;
    }

    private static string Required(string? text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A text is required for this action.", nameof(text)) : text.Trim();
}
