export { countyInput, exampleCounty } from "./county.js";
