using HauGiang.Portal.Data.Reference;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Features.Shared;

/// <summary>The working calendar, from the shared <see cref="ReferenceDataCache"/>: an admin's change applies to the next deadline.</summary>
public sealed class CalendarService(ReferenceDataCache reference)
{
    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default) => (await reference.GetAsync(ct)).Calendar;
}
