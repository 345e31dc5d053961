using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports");

            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAt",
                table: "Reports",
                type: "datetime2",
                nullable: true);

            // Ratings given before this column: their time from the "Rated" event (ReportEventType.Rated = 18).
            migrationBuilder.Sql("""
                UPDATE [Reports] SET [RatedAt] = (SELECT MAX([e].[At]) FROM [ReportEvents] AS [e] WHERE [e].[ReportId] = [Reports].[Id] AND [e].[Type] = 18)
                WHERE [Rating] IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "State", "ReceivedAt", "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "FirstActionAt", "ResolvedAt", "ClosedAt", "Rating", "RatedAt" },
                filter: "\"State\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RatedAt",
                table: "Reports",
                column: "RatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_RatedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RatedAt",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "State", "ReceivedAt", "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "FirstActionAt", "ResolvedAt", "ClosedAt", "Rating" },
                filter: "\"State\" IN (0, 1)");
        }
    }
}
