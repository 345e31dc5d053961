namespace HauGiang.Portal.Data.Reference;

/// <summary>
/// The one change signal of the reference data (categories, units, areas and boundaries, routing rules, the working
/// calendar, API clients): a version that moves on every committed write of those tables. Writes raise it through
/// <see cref="ReferenceDataWrites"/> (in SaveChanges, so no admin service has to remember); other instances' writes
/// arrive through <see cref="ReferenceDataRedisBridge"/>. Every cached reader keeps the version its copy was read at
/// and reads again when the version has moved.
/// </summary>
public sealed class ReferenceDataSignal
{
    private long _version;

    /// <summary>Moves on every change, local or from another instance.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>After the version moved (its new value). Handlers run on the writer's thread: keep them short.</summary>
    public event Action<long>? Changed;

    /// <summary>After a change committed on this instance (not one heard from another): the bridge tells the others.</summary>
    internal event Action? ChangedHere;

    /// <summary>A reference write committed on this instance.</summary>
    public void Raise()
    {
        Move();
        ChangedHere?.Invoke();
    }

    /// <summary>A change made elsewhere (another instance), or one that may have been missed (Redis came back).</summary>
    internal void RaiseFromElsewhere() => Move();

    private void Move()
    {
        // Moved first and on its own: with no handler, `Changed?.Invoke(Increment())` would not move it at all.
        var version = Interlocked.Increment(ref _version);
        Changed?.Invoke(version);
    }
}
