using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardCounterGrains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_DashboardCounters",
                table: "DashboardCounters");

            migrationBuilder.AddColumn<int>(
                name: "Grain",
                table: "DashboardCounters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_DashboardCounters",
                table: "DashboardCounters",
                columns: new[] { "Grain", "Day", "UnitId", "CategoryId", "AreaId", "OfficerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenGroups",
                table: "Reports",
                columns: new[] { "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "ReceivedAt", "DueAt", "IsTest" },
                filter: "\"State\" IN (0, 1)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenGroups",
                table: "Reports");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DashboardCounters",
                table: "DashboardCounters");

            migrationBuilder.DropColumn(
                name: "Grain",
                table: "DashboardCounters");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DashboardCounters",
                table: "DashboardCounters",
                columns: new[] { "Day", "UnitId", "CategoryId", "AreaId", "OfficerId" });
        }
    }
}
