using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardCounterRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counters kept so far are the detail grain (0); their roll-ups follow from them (decision 019). A migration
            // of its own: SQLite rebuilds the table for the new key at the end of the one before, and only then is the
            // grain part of the key.
            migrationBuilder.Sql("""
                INSERT INTO [DashboardCounters] ([Grain], [Day], [UnitId], [CategoryId], [AreaId], [OfficerId], [Received], [Finished], [Resolved], [ResolvedOnTime], [Rated], [Satisfied])
                SELECT 1, [Day], [UnitId], [CategoryId], [AreaId], '', SUM([Received]), SUM([Finished]), SUM([Resolved]), SUM([ResolvedOnTime]), SUM([Rated]), SUM([Satisfied])
                FROM [DashboardCounters] WHERE [Grain] = 0 GROUP BY [Day], [UnitId], [CategoryId], [AreaId];
                """);
            migrationBuilder.Sql("""
                INSERT INTO [DashboardCounters] ([Grain], [Day], [UnitId], [CategoryId], [AreaId], [OfficerId], [Received], [Finished], [Resolved], [ResolvedOnTime], [Rated], [Satisfied])
                SELECT 2, [Day], [UnitId], 0, 0, [OfficerId], SUM([Received]), SUM([Finished]), SUM([Resolved]), SUM([ResolvedOnTime]), SUM([Rated]), SUM([Satisfied])
                FROM [DashboardCounters] WHERE [Grain] = 0 GROUP BY [Day], [UnitId], [OfficerId];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM [DashboardCounters] WHERE [Grain] <> 0;""");
        }
    }
}
