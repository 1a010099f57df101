/** Scheduled sends: model, "this month's" period, planner and the state machine both hosts use. */
export * from "./model.js";
export * from "./period.js";
export * from "./planner.js";
export * from "./state.js";
